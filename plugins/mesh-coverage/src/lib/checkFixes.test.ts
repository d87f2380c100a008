import { evaluateCoverage } from '@meshcoverage/plugin-mesh-coverage-common';
import { builtinIndex } from '../__testUtils__/fixtures';
import { fixesForCheck } from './checkFixes';

const report = evaluateCoverage(builtinIndex, {
  mesh: 'linkerd',
  requires: ['retries', 'circuit-breaker', 'jwt-auth'],
});

describe('fixesForCheck', () => {
  it('names each gap and the meshes that would cover it', () => {
    expect(
      fixesForCheck('meshCoverageNoGaps', report, builtinIndex, true),
    ).toEqual([
      {
        kind: 'coverGap',
        responsibilityId: 'circuit-breaker',
        meshes: ['istio', 'consul', 'vpc-lattice'],
      },
      {
        kind: 'coverGap',
        responsibilityId: 'jwt-auth',
        meshes: ['istio', 'consul'],
      },
    ]);
  });

  it('asks for declared requirements first', () => {
    expect(
      fixesForCheck(
        'meshCoverageNoGaps',
        { ...report, gaps: [] },
        builtinIndex,
        false,
      ),
    ).toEqual([{ kind: 'declare' }]);
  });

  it('lists the meshes covering mTLS', () => {
    expect(
      fixesForCheck('meshCoverageMtls', report, builtinIndex, true),
    ).toEqual([
      {
        kind: 'coverMtls',
        meshes: ['istio', 'linkerd', 'consul', 'vpc-lattice'],
      },
    ]);
  });

  it('passes on the annotation errors', () => {
    const errors = [
      "meshcoverage.io/requires: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
    ];
    expect(
      fixesForCheck(
        'meshCoverageDeclared',
        { ...report, errors },
        builtinIndex,
        true,
      ),
    ).toEqual([{ kind: 'fixAnnotations', errors }]);
  });

  it.each([
    'meshCoverageNoGaps',
    'meshCoverageMtls',
    'meshCoverageObservedMatchesDeclared',
    'meshCoverageRequirementsConfigured',
  ])(
    'gives the annotation error as the reason %s fails on an unknown mesh',
    checkId => {
      const error =
        "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)";
      const unknownMesh = {
        mesh: 'istoi',
        coverage: null,
        items: [],
        covered: [],
        implementedByApp: [],
        gaps: [],
        errors: [error],
      };
      expect(fixesForCheck(checkId, unknownMesh, builtinIndex, true)).toEqual([
        { kind: 'fixAnnotations', errors: [error] },
      ]);
    },
  );

  it('treats a tool that is not a mesh as an unknown mesh, and no mesh as a mesh', () => {
    const error =
      "meshcoverage.io/mesh: 'kiali' is a tool of kind observability, not a mesh";
    const onKiali = { ...report, mesh: 'kiali', items: [], errors: [error] };
    expect(
      fixesForCheck('meshCoverageMtls', onKiali, builtinIndex, true),
    ).toEqual([{ kind: 'fixAnnotations', errors: [error] }]);
    const noMesh = evaluateCoverage(builtinIndex, {
      mesh: 'kubernetes',
      requires: ['mtls'],
    });
    expect(
      fixesForCheck('meshCoverageMtls', noMesh, builtinIndex, true),
    ).toEqual([
      { kind: 'coverMtls', meshes: expect.arrayContaining(['istio']) },
    ]);
  });
});
