import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import { computeMeshCoverageFacts } from './meshCoverageFacts';

const index = indexMatrix(SEED_MATRIX);
const facts = (annotations: Record<string, string>, type = 'service') =>
  computeMeshCoverageFacts(index, { type, annotations }, { service: ['mtls'] });

describe('computeMeshCoverageFacts', () => {
  it('describes a fully covered component on a mesh', () => {
    expect(
      facts({
        'meshcoverage.io/mesh': 'istio',
        'meshcoverage.io/requires': 'jwt-auth, retries',
      }),
    ).toEqual({
      hasMesh: true,
      mesh: 'istio',
      coverage: 100,
      gapCount: 0,
      unknownCount: 0,
      mtlsCovered: true,
      requirementsDeclared: true,
      annotationErrors: 0,
    });
  });

  it('counts gaps and unknown gaps', () => {
    expect(
      facts({
        'meshcoverage.io/mesh': 'cilium',
        'meshcoverage.io/requires': 'retries, sidecar',
      }),
    ).toMatchObject({
      hasMesh: true,
      coverage: 0,
      gapCount: 3,
      unknownCount: 2,
      mtlsCovered: false,
    });
  });

  it('credits mTLS implemented by the app', () => {
    expect(
      facts({
        'meshcoverage.io/requires': 'retries',
        'meshcoverage.io/implements': 'mtls',
      }),
    ).toMatchObject({
      hasMesh: false,
      mesh: 'kubernetes',
      mtlsCovered: true,
      gapCount: 1,
    });
  });

  it('gives coverage -1 and undeclared requirements when nothing is required', () => {
    expect(facts({}, 'website')).toMatchObject({
      coverage: -1,
      gapCount: 0,
      requirementsDeclared: false,
      mtlsCovered: false,
    });
  });

  it('does not count config defaults as declared requirements', () => {
    expect(facts({ 'meshcoverage.io/mesh': 'istio' })).toMatchObject({
      requirementsDeclared: false,
      coverage: 100,
    });
  });

  it('evaluates a mistyped mesh as no mesh, keeping the gaps and counting the error', () => {
    expect(
      facts({
        'meshcoverage.io/mesh': 'istoi',
        'meshcoverage.io/requires': 'mtsl, retries',
      }),
    ).toEqual({
      hasMesh: false,
      mesh: 'istoi',
      coverage: 0,
      gapCount: 2,
      unknownCount: 1,
      mtlsCovered: false,
      requirementsDeclared: true,
      annotationErrors: 2,
    });
  });
});
