import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import { rankTools } from './rankTools';

const index = indexMatrix(SEED_MATRIX);

describe('rankTools', () => {
  it('ranks meshes by how many required responsibilities they cover, ties in matrix order', () => {
    const ranking = rankTools(index, ['mtls', 'jwt-auth', 'circuit-breaker']);
    expect(ranking.map(r => [r.toolId, r.coveredCount])).toEqual([
      ['istio', 3],
      ['consul', 3],
      ['vpc-lattice', 2],
      ['linkerd', 1],
      ['cilium', 0],
    ]);
  });

  it('says what each tool leaves to the app teams, with the no-mesh alternative', () => {
    const lattice = rankTools(index, [
      'mtls',
      'jwt-auth',
      'circuit-breaker',
    ]).find(r => r.toolId === 'vpc-lattice')!;
    expect(lattice).toMatchObject({
      covered: ['circuit-breaker', 'mtls'],
      requiredCount: 3,
      coverage: 67,
      partial: [],
    });
    expect(lattice.uncovered).toEqual([
      expect.objectContaining({
        responsibilityId: 'jwt-auth',
        status: 'gap',
        alternative: expect.objectContaining({
          en: expect.stringContaining('OAuth2 Proxy'),
        }),
      }),
    ]);
  });

  it('flags what a tool leaves unknown', () => {
    const cilium = rankTools(index, ['retries', 'sidecarless']).find(
      r => r.toolId === 'cilium',
    )!;
    expect(cilium.covered).toEqual(['sidecarless']);
    expect(cilium.uncovered).toEqual([
      {
        responsibilityId: 'retries',
        status: 'gap',
        support: 'unknown',
        unknown: true,
      },
    ]);
  });

  it('can include the baseline and observability tools', () => {
    const ranking = rankTools(index, ['topology-model'], {
      kinds: ['baseline', 'observability'],
    });
    expect(ranking.map(r => [r.toolId, r.coveredCount])).toEqual([
      ['kiali', 1],
      ['x-ray', 1],
      ['kubernetes', 0],
    ]);
  });

  it('ranks every mesh equal when nothing is required', () => {
    expect(rankTools(index, []).map(r => [r.toolId, r.coverage])).toEqual([
      ['istio', null],
      ['linkerd', null],
      ['consul', null],
      ['vpc-lattice', null],
      ['cilium', null],
    ]);
  });
});
