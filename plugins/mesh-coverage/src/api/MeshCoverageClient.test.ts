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
