import {
  DataPlaneRule,
  detectDataPlane,
  PodLike,
  summarizeObservedPods,
} from './dataPlanes';

const pod = (
  containers: string[],
  more: {
    init?: { name: string; restartPolicy?: string }[];
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  } = {},
): PodLike => ({
  metadata: { annotations: more.annotations, labels: more.labels },
  spec: {
    containers: containers.map(name => ({ name })),
    initContainers: more.init,
  },
});

describe('detectDataPlane', () => {
  it.each([
    [
      'an istio-proxy container',
      pod(['app', 'istio-proxy']),
      'istio',
      'sidecar',
    ],
    [
      'istio-proxy as a native sidecar',
      pod(['app'], {
        init: [{ name: 'istio-proxy', restartPolicy: 'Always' }],
      }),
      'istio',
      'sidecar',
    ],
    [
      'the ambient redirection annotation',
      pod(['app'], {
        annotations: { 'ambient.istio.io/redirection': 'enabled' },
      }),
      'istio',
      'ambient',
    ],
    [
      'a linkerd-proxy container',
      pod(['app', 'linkerd-proxy']),
      'linkerd',
      'sidecar',
    ],
    [
      'linkerd-proxy as a native sidecar',
      pod(['app'], {
        init: [
          { name: 'linkerd-init' },
          { name: 'linkerd-proxy', restartPolicy: 'Always' },
        ],
      }),
      'linkerd',
      'sidecar',
    ],
    ['consul-dataplane', pod(['app', 'consul-dataplane']), 'consul', 'sidecar'],
    [
      'a multi-port consul-dataplane',
      pod(['app', 'consul-dataplane-orders']),
      'consul',
      'sidecar',
    ],
    [
      'the older envoy-sidecar',
      pod(['app', 'envoy-sidecar']),
      'consul',
      'sidecar',
    ],
  ])('recognises %s', (_, subject, mesh, mode) => {
    expect(detectDataPlane(subject)).toMatchObject({ mesh, mode });
  });

  it.each([
    ['a pod with its app only', pod(['app'])],
    [
      'an init container that exits (traffic set-up, not a proxy)',
      pod(['app'], {
        init: [{ name: 'istio-proxy' }, { name: 'linkerd-init' }],
      }),
    ],
    [
      'ambient capture still pending',
      pod(['app'], {
        annotations: { 'ambient.istio.io/redirection': 'pending' },
      }),
    ],
    [
      'the ambient opt-in label without capture',
      pod(['app'], { labels: { 'istio.io/dataplane-mode': 'ambient' } }),
    ],
    ['a pod with no spec', {}],
  ])('finds no data plane in %s', (_, subject) => {
    expect(detectDataPlane(subject)).toBeUndefined();
  });

  it('follows configured rules, in order', () => {
    const rules: DataPlaneRule[] = [
      {
        mesh: 'istio',
        mode: 'ambient',
        labels: { 'istio.io/dataplane-mode': 'ambient' },
      },
      { mesh: 'linkerd', mode: 'sidecar', containers: ['linkerd-proxy'] },
    ];
    expect(
      detectDataPlane(
        pod(['linkerd-proxy'], {
          labels: { 'istio.io/dataplane-mode': 'ambient' },
        }),
        rules,
      ),
    ).toBe(rules[0]);
    expect(detectDataPlane(pod(['istio-proxy']), rules)).toBeUndefined();
  });
});

describe('summarizeObservedPods', () => {
  const checkedAt = '2026-12-01T12:00:00.000Z';

  it('counts the pods on the mesh most of them run', () => {
    const observed = summarizeObservedPods(
      [
        pod(['app', 'istio-proxy']),
        pod(['app', 'istio-proxy']),
        pod(['app'], {
          annotations: { 'ambient.istio.io/redirection': 'enabled' },
        }),
        pod(['app', 'linkerd-proxy']),
        pod(['app']),
      ],
      { checkedAt, clusters: ['east'] },
    );
    expect(observed).toEqual({
      mesh: 'istio',
      pods: 5,
      meshedPods: 3,
      dataPlanes: [
        { mesh: 'istio', mode: 'sidecar', pods: 2 },
        { mesh: 'istio', mode: 'ambient', pods: 1 },
        { mesh: 'linkerd', mode: 'sidecar', pods: 1 },
      ],
      clusters: ['east'],
      checkedAt,
    });
  });

  it('says no mesh when no pod runs one', () => {
    expect(summarizeObservedPods([pod(['app'])], { checkedAt })).toMatchObject({
      mesh: null,
      pods: 1,
      meshedPods: 0,
      dataPlanes: [],
    });
  });
});
