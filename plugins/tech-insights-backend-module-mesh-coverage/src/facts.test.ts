import {
  builtinEdition,
  ComponentLike,
  evaluateDeclaration,
  indexMatrix,
  parseComponent,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  computeConfiguredFacts,
  computeMeshCoverageFacts,
  computeObservedMeshFacts,
} from './facts';

const SEED_MATRIX = builtinEdition('seed').matrix;

const index = indexMatrix(SEED_MATRIX);
/** The component evaluated on its declared mesh, as /coverage does without clusters. */
const evaluated = (component: ComponentLike) => {
  const declaration = parseComponent(index, component, { service: ['mtls'] });
  return evaluateDeclaration(index, declaration, declaration.mesh);
};
const facts = (annotations: Record<string, string>, type = 'service') => {
  const component = { type, annotations };
  return computeMeshCoverageFacts(index, component, evaluated(component));
};

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

  it('gives a mistyped mesh no figures: every check that needs them fails', () => {
    const annotations = {
      'meshcoverage.io/mesh': 'istoi',
      'meshcoverage.io/requires': 'mtsl, retries',
      'meshcoverage.io/implements': 'mtls',
    };
    expect(facts(annotations)).toEqual({
      hasMesh: false,
      mesh: 'istoi',
      coverage: -1,
      gapCount: -1,
      unknownCount: -1,
      // Even mTLS the app implements: a typo never passes a check.
      mtlsCovered: false,
      requirementsDeclared: true,
      annotationErrors: 2,
    });
    expect(
      computeConfiguredFacts(evaluated({ type: 'service', annotations })),
    ).toEqual({ meshConfiguredRatio: 0, meshTurnedOffResponsibilities: [] });
  });
});

describe('computeObservedMeshFacts', () => {
  const current = indexMatrix(builtinEdition('current').matrix);
  const observed = (mesh: string | null, pods: number, meshedPods: number) => ({
    mesh,
    pods,
    meshedPods,
    dataPlanes: [],
    clusters: [],
    checkedAt: '2026-12-01T12:00:00.000Z',
  });

  it('makes the facts a scorecard checks', () => {
    const component = { annotations: { 'meshcoverage.io/mesh': 'linkerd' } };
    expect(
      computeObservedMeshFacts(current, component, observed(null, 2, 0)),
    ).toEqual({
      meshObserved: 'kubernetes',
      meshedPodRatio: 0,
      meshDeclaredMatchesObserved: false,
    });
    expect(
      computeObservedMeshFacts(current, component, observed('linkerd', 4, 3)),
    ).toEqual({
      meshObserved: 'linkerd',
      meshedPodRatio: 0.75,
      meshDeclaredMatchesObserved: false,
    });
    expect(
      computeObservedMeshFacts(current, component, observed('linkerd', 2, 2)),
    ).toMatchObject({ meshDeclaredMatchesObserved: true });
    // No pod: nothing to compare, no facts rather than a claimed mismatch.
    expect(
      computeObservedMeshFacts(current, component, observed(null, 0, 0)),
    ).toBeUndefined();
  });

  it('never matches a mistyped mesh with what runs', () => {
    const typo = { annotations: { 'meshcoverage.io/mesh': 'kubernetse' } };
    expect(
      computeObservedMeshFacts(current, typo, observed(null, 2, 0)),
    ).toMatchObject({ meshDeclaredMatchesObserved: false });
  });
});
