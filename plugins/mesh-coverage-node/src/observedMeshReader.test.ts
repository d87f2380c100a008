import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  builtinEdition,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { DEFAULT_DATA_PLANE_RULES } from './observed/dataPlanes';
import {
  createObservedMeshReader,
  readObservedConfig,
} from './observedMeshReader';

const index = indexMatrix(builtinEdition('current').matrix);
const read = (observed: object | undefined) =>
  readObservedConfig(
    new ConfigReader(observed ? { meshCoverage: { observed } } : {}),
    index,
  );

describe('readObservedConfig', () => {
  it('defaults: on, 5 s, cached 1 minute, the default rules', () => {
    expect(read(undefined)).toEqual({
      enabled: true,
      timeoutMs: 5000,
      cacheTtlMs: 60_000,
      rules: DEFAULT_DATA_PLANE_RULES,
    });
  });

  it('reads durations, switching off and rules that replace the defaults', () => {
    expect(
      read({
        enabled: false,
        timeout: { seconds: 2 },
        cacheTtl: { minutes: 5 },
        rules: [
          {
            mesh: 'istio',
            mode: 'ambient',
            labels: { 'istio.io/dataplane-mode': 'ambient' },
          },
          { mesh: 'linkerd', containers: ['linkerd-proxy'] },
        ],
      }),
    ).toEqual({
      enabled: false,
      timeoutMs: 2000,
      cacheTtlMs: 300_000,
      rules: [
        {
          mesh: 'istio',
          mode: 'ambient',
          labels: { 'istio.io/dataplane-mode': 'ambient' },
        },
        { mesh: 'linkerd', mode: 'sidecar', containers: ['linkerd-proxy'] },
      ],
    });
  });

  it('stops on a rule naming an unknown mesh, with the closest id, or matching by nothing', () => {
    expect(() =>
      read({
        rules: [
          { mesh: 'istoi', containers: ['istio-proxy'] },
          { mesh: 'linkerd' },
        ],
      }),
    ).toThrow(
      "Invalid Mesh Coverage config:\n  meshCoverage.observed.rules[0].mesh: unknown mesh 'istoi' (did you mean 'istio'?)\n  meshCoverage.observed.rules[1]: a rule needs containers, annotations or labels to match pods by",
    );
  });
});

describe('createObservedMeshReader', () => {
  let server: Server;
  let requests: string[];
  let reader: ReturnType<typeof createObservedMeshReader>;
  const logger = mockServices.logger.mock();

  beforeAll(async () => {
    requests = [];
    // Stands in for a backend without the Kubernetes plugin: its routes answer 404.
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { name: 'NotFoundError' } }));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    reader = createObservedMeshReader({
      config: read(undefined),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
      }),
      auth: mockServices.auth(),
      cache: CacheManager.fromConfig(new ConfigReader({})).forPlugin(
        'mesh-coverage',
      ),
      logger,
    });
  });
  afterAll(() => new Promise(r => server.close(r)));

  const component = (name: string, annotations: Record<string, string>) => ({
    entityRef: `component:default/${name}`,
    annotations,
  });

  it('does not look, or log, without a Kubernetes annotation', async () => {
    await expect(
      reader.observe(component('plain', { 'meshcoverage.io/mesh': 'istio' })),
    ).resolves.toEqual({
      observed: null,
      observedReason: {
        reason: 'no-kubernetes-annotation',
        message: expect.stringContaining('backstage.io/kubernetes-id'),
      },
    });
    expect(requests).toEqual([]);
    expect(logger.info).not.toHaveBeenCalled();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('without the Kubernetes plugin: unavailable, logged once, cached per component', async () => {
    const annotated = (name: string) =>
      component(name, { 'backstage.io/kubernetes-id': name });
    for (const name of ['a', 'b', 'a', 'b', 'c']) {
      await expect(reader.observe(annotated(name))).resolves.toMatchObject({
        observed: null,
        observedReason: { reason: 'kubernetes-unavailable' },
      });
    }
    // One look at the cluster list, kept for the cache time: not one request per component.
    expect(requests).toEqual(['GET /api/kubernetes/clusters']);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
