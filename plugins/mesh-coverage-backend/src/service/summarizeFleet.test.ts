import {
  builtinEdition,
  ComponentLike,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { compareFleetSummaries, summarizeFleet } from './fleetSnapshot';

const index = indexMatrix(builtinEdition('seed').matrix);

const fleet: ComponentLike[] = [
  {
    entityRef: 'component:default/payments',
    type: 'service',
    annotations: {
      'meshcoverage.io/mesh': 'linkerd',
      'meshcoverage.io/requires': 'mtls,jwt-auth,circuit-breaker',
      'meshcoverage.io/implements': 'jwt-auth',
    },
  },
  {
    entityRef: 'component:default/orders',
    type: 'service',
    annotations: {
      'meshcoverage.io/mesh': 'istio',
      'meshcoverage.io/requires': 'mtls,circuit-breaker',
    },
  },
  { entityRef: 'component:default/batch', type: 'batch', annotations: {} },
  {
    entityRef: 'component:default/typo',
    type: 'service',
    annotations: {
      'meshcoverage.io/mesh': 'istoi',
      'meshcoverage.io/requires': 'mtls',
    },
  },
];

describe('summarizeFleet', () => {
  it('counts components per mesh and, per responsibility, required / covered / app / gaps', () => {
    const summary = summarizeFleet(index, fleet);
    expect(summary).toEqual({
      components: 4,
      meshes: [
        { mesh: 'kubernetes', components: 1 },
        { mesh: 'istio', components: 1 },
        { mesh: 'linkerd', components: 1 },
      ],
      invalidMesh: 1,
      withErrors: 1,
      undeclared: 1,
      meanCoverage: 84, // payments 67, orders 100
      requirementCoverage: 80, // 4 of the 5 requirements carried
      responsibilities: [
        {
          responsibilityId: 'circuit-breaker',
          required: 2,
          covered: 1,
          implementedByApp: 0,
          gaps: 1,
          turnedOff: 0,
          configured: 0,
        },
        {
          responsibilityId: 'mtls',
          required: 2,
          covered: 2,
          implementedByApp: 0,
          gaps: 0,
          turnedOff: 0,
          configured: 0,
        },
        {
          responsibilityId: 'jwt-auth',
          required: 1,
          covered: 0,
          implementedByApp: 1,
          gaps: 0,
          turnedOff: 0,
          configured: 0,
        },
      ],
    });
  });

  it('applies config defaults by spec.type', () => {
    const summary = summarizeFleet(index, fleet, {
      defaultRequirements: { batch: ['app-logs-ship'] },
    });
    expect(
      summary.responsibilities.find(
        r => r.responsibilityId === 'app-logs-ship',
      ),
    ).toEqual({
      responsibilityId: 'app-logs-ship',
      required: 1,
      covered: 0,
      implementedByApp: 0,
      gaps: 1,
      turnedOff: 0,
      configured: 0,
    });
    expect(summary.undeclared).toBe(0);
  });

  it('summarises a component whose spec.type names an object property (no defaults for it)', () => {
    const odd = {
      entityRef: 'component:default/odd',
      type: 'constructor',
      annotations: { 'meshcoverage.io/requires': 'mtls' },
    };
    const summary = summarizeFleet(index, [odd], {
      defaultRequirements: { service: ['retries'] },
    });
    expect(
      summary.responsibilities.map(r => [r.responsibilityId, r.required]),
    ).toEqual([['mtls', 1]]);
  });

  it('evaluates every component on the what-if mesh, including one whose mesh is mistyped', () => {
    const whatIf = summarizeFleet(index, fleet, { whatIfMesh: 'istio' });
    expect(whatIf.whatIfMesh).toBe('istio');
    expect(whatIf.meshes).toEqual([{ mesh: 'istio', components: 4 }]);
    expect(whatIf.invalidMesh).toBe(0);
    expect(
      whatIf.responsibilities.map(r => [r.responsibilityId, r.covered, r.gaps]),
    ).toEqual([
      ['circuit-breaker', 2, 0],
      ['mtls', 3, 0],
      ['jwt-auth', 1, 0],
    ]);
  });

  it('says what the what-if changes against today', () => {
    const today = summarizeFleet(index, fleet);
    const whatIf = summarizeFleet(index, fleet, { whatIfMesh: 'istio' });
    expect(compareFleetSummaries(today, whatIf)).toEqual([
      {
        responsibilityId: 'circuit-breaker',
        covered: 1,
        implementedByApp: 0,
        gaps: -1,
        turnedOff: 0,
      },
      {
        responsibilityId: 'mtls',
        covered: 1,
        implementedByApp: 0,
        gaps: 0,
        turnedOff: 0,
      },
      {
        responsibilityId: 'jwt-auth',
        covered: 1,
        implementedByApp: -1,
        gaps: 0,
        turnedOff: 0,
      },
    ]);
  });

  it('keeps the components behind each number when asked', () => {
    const summary = summarizeFleet(index, fleet, { includeEntityRefs: true });
    expect(summary.responsibilities[0].entityRefs).toEqual({
      covered: ['component:default/orders'],
      implementedByApp: [],
      gaps: ['component:default/payments'],
      turnedOff: [],
    });
  });

  it('refuses a what-if on a tool that is not a mesh', () => {
    expect(() => summarizeFleet(index, fleet, { whatIfMesh: 'kiali' })).toThrow(
      "Unknown mesh 'kiali'",
    );
  });

  it('summarises an empty fleet', () => {
    expect(summarizeFleet(index, [])).toMatchObject({
      components: 0,
      meanCoverage: null,
      responsibilities: [],
    });
  });
});
