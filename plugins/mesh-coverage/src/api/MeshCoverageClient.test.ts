import { ResponseError } from '@backstage/errors';
import { servedMatrix } from '../__testUtils__/fixtures';
import { MeshCoverageClient } from './MeshCoverageClient';

const BASE = 'http://localhost:7007/api/mesh-coverage';

function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: new Headers(headers),
    json: async () => body,
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}

function client(responses: Response[]) {
  const fetch = jest.fn(
    async (_url: string, _init?: RequestInit) => responses.shift()!,
  );
  const api = new MeshCoverageClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: fetch as any },
  });
  return { api, fetch };
}

describe('MeshCoverageClient', () => {
  it('revalidates the matrix with its ETag and reuses it on 304', async () => {
    const matrix = servedMatrix();
    const { api, fetch } = client([
      jsonResponse(200, matrix, { ETag: '"abc"' }),
      jsonResponse(304, undefined),
    ]);
    expect(await api.getMatrix()).toEqual(matrix);
    expect(await api.getMatrix()).toEqual(matrix);
    expect(fetch.mock.calls[0][1]?.headers).toEqual({});
    expect(fetch.mock.calls[1][1]?.headers).toEqual({
      'If-None-Match': '"abc"',
    });
  });

  it('shares one request among concurrent callers', async () => {
    const matrix = servedMatrix();
    const { api, fetch } = client([
      jsonResponse(200, matrix, { ETag: '"abc"' }),
    ]);
    const [a, b, c] = await Promise.all([
      api.getMatrix(),
      api.getMatrix(),
      api.getMatrix(),
    ]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a).toBe(matrix);
    expect(b).toBe(matrix);
    expect(c).toBe(matrix);
  });

  it('posts an evaluation and queries coverage and fleet', async () => {
    const { api, fetch } = client([
      jsonResponse(200, { coverage: 50 }),
      jsonResponse(200, { coverage: 60 }),
      jsonResponse(200, { components: 1 }),
    ]);
    await api.evaluate({ mesh: 'istio', requires: ['mtls'] });
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}/evaluate`);
    expect(fetch.mock.calls[0][1]).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ mesh: 'istio', requires: ['mtls'] }),
    });
    await api.getCoverage('component:default/payments-api');
    expect(fetch.mock.calls[1][0]).toBe(
      `${BASE}/coverage?entityRef=component%3Adefault%2Fpayments-api`,
    );
    await api.getFleet({ whatIfMesh: 'istio', includeEntityRefs: true });
    expect(fetch.mock.calls[2][0]).toBe(
      `${BASE}/fleet?mesh=istio&entityRefs=true`,
    );
  });

  it('asks for the fleet from the snapshot, computed now, and over time', async () => {
    const history = { from: 'a', to: 'b', points: [] };
    const { api, fetch } = client([
      jsonResponse(200, { components: 1, snapshotAt: '2026-05-14' }),
      jsonResponse(200, { components: 1, live: true }),
      jsonResponse(200, history),
      jsonResponse(200, history),
      jsonResponse(200, { entityRef: 'component:default/x', points: [] }),
      jsonResponse(200, { entityRef: 'component:default/x', points: [] }),
    ]);
    expect(await api.getFleet()).toEqual({
      components: 1,
      snapshotAt: '2026-05-14',
    });
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}/fleet`);
    await api.getFleet({ whatIfMesh: 'linkerd', live: true });
    expect(fetch.mock.calls[1][0]).toBe(`${BASE}/fleet?mesh=linkerd&live=true`);
    expect(await api.getFleetHistory()).toEqual(history);
    expect(fetch.mock.calls[2][0]).toBe(`${BASE}/fleet/history`);
    await api.getFleetHistory({
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-05-01T00:00:00.000Z',
      mesh: 'istio',
      owner: 'group:default/team-a',
    });
    expect(fetch.mock.calls[3][0]).toBe(
      `${BASE}/fleet/history?from=2026-04-01T00%3A00%3A00.000Z&to=2026-05-01T00%3A00%3A00.000Z&mesh=istio&owner=group%3Adefault%2Fteam-a`,
    );
    await api.getCoverageHistory('component:default/x');
    expect(fetch.mock.calls[4][0]).toBe(
      `${BASE}/coverage/history?entityRef=component%3Adefault%2Fx`,
    );
    await api.getCoverageHistory('component:default/x', {
      from: '2026-04-01',
    });
    expect(fetch.mock.calls[5][0]).toBe(
      `${BASE}/coverage/history?entityRef=component%3Adefault%2Fx&from=2026-04-01`,
    );
  });

  it('throws a ResponseError for a rejected history range', async () => {
    const { api } = client([
      jsonResponse(
        400,
        {
          error: { name: 'InputError', message: 'from: not a date' },
          response: { statusCode: 400 },
        },
        { 'Content-Type': 'application/json' },
      ),
    ]);
    const error = await api.getFleetHistory({ from: 'x' }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.cause.message).toBe('from: not a date');
  });

  it('throws a ResponseError carrying the backend message', async () => {
    const { api } = client([
      jsonResponse(
        400,
        {
          error: {
            name: 'InputError',
            message: "requires: unknown responsibility 'mtsl'",
          },
          response: { statusCode: 400 },
        },
        { 'Content-Type': 'application/json' },
      ),
    ]);
    const error = await api
      .evaluate({ mesh: 'istio', requires: ['mtsl'] })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.cause.message).toBe("requires: unknown responsibility 'mtsl'");
  });
});
