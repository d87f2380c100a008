import { ConfigReader } from '@backstage/config';
import {
  builtinEdition,
  DEFAULT_DATA_PLANE_RULES,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { readObservedConfig } from './observedMeshReader';

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
