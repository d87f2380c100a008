import {
  builtinEdition,
  ComponentLike,
  evaluateDeclaration,
  FleetResponsibility,
  indexMatrix,
  parseComponent,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  FleetSnapshotAccumulator,
  fleetOwners,
  fleetWhatIf,
  totalOfGroups,
} from './fleetSnapshot';

const index = indexMatrix(builtinEdition('seed').matrix);
/**
 * The fleet's rows the long way, as a test oracle: every component evaluated on its own (or on
 * `mesh`), its report's lists counted.
 */
function evaluatedRows(
  components: ComponentLike[],
  options: { defaultRequirements?: Record<string, string[]>; mesh?: string },
) {
  const rows = new Map<string, FleetResponsibility>();
  const coverages: number[] = [];
  for (const component of components) {
    const declaration = parseComponent(
      index,
      component,
      options.defaultRequirements,
    );
    const { report } = evaluateDeclaration(
      index,
      declaration,
      options.mesh ?? declaration.mesh,
    );
    if (!report) continue;
    if (report.coverage !== null) coverages.push(report.coverage);
    for (const [key, ids] of [
      ['covered', report.covered],
      ['implementedByApp', report.implementedByApp],
      ['gaps', report.gaps],
    ] as const) {
      for (const responsibilityId of ids) {
        const row = rows.get(responsibilityId) ?? {
          responsibilityId,
          required: 0,
          covered: 0,
          implementedByApp: 0,
          gaps: 0,
          turnedOff: 0,
          configured: 0,
        };
        row.required += 1;
        row[key] += 1;
        rows.set(responsibilityId, row);
      }
    }
  }
  return {
    responsibilities: [...rows.values()].sort(
      (a, b) =>
        index.position(a.responsibilityId)! -
        index.position(b.responsibilityId)!,
    ),
    meanCoverage: coverages.length
      ? Math.round(coverages.reduce((a, b) => a + b, 0) / coverages.length)
      : null,
  };
}

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

// Worked by hand against the seed matrix (docs/coverage.md, and the fleet figures of docs/api.md): Linkerd has no jwt-auth and no
// circuit-breaker; Istio has both; Kubernetes alone has neither mtls nor jwt-auth.
const fleet: ComponentLike[] = [
  {
    entityRef: 'component:default/a',
    owner: TEAM_A,
    annotations: {
      'meshcoverage.io/mesh': 'linkerd',
      'meshcoverage.io/requires': 'mtls,jwt-auth,circuit-breaker',
      'meshcoverage.io/implements': 'jwt-auth',
    },
  },
  {
    entityRef: 'component:default/b',
    owner: TEAM_A,
    annotations: {
      'meshcoverage.io/requires': 'mtls,retries',
      'meshcoverage.io/implements': 'retries',
    },
  },
  {
    entityRef: 'component:default/c',
    owner: TEAM_B,
    annotations: {
      'meshcoverage.io/mesh': 'istio',
      'meshcoverage.io/requires': 'mtls,circuit-breaker',
    },
  },
  {
    entityRef: 'component:default/d',
    annotations: {
      'meshcoverage.io/mesh': 'istoi',
      'meshcoverage.io/requires': 'mtls',
    },
  },
];

function snapshotOf(components: ComponentLike[]) {
  const accumulator = new FleetSnapshotAccumulator(index);
  const rows = components.map(component => accumulator.add(component));
  return { rows, summary: accumulator.result() };
}

describe('FleetSnapshotAccumulator', () => {
  it('returns each component’s own figures', () => {
    expect(snapshotOf(fleet).rows).toEqual([
      {
        entityRef: 'component:default/a',
        owner: TEAM_A,
        mesh: 'linkerd',
        coverage: 67,
        gaps: 1,
      },
      {
        entityRef: 'component:default/b',
        owner: TEAM_A,
        mesh: 'kubernetes',
        coverage: 50,
        gaps: 1,
      },
      {
        entityRef: 'component:default/c',
        owner: TEAM_B,
        mesh: 'istio',
        coverage: 100,
        gaps: 0,
      },
      {
        entityRef: 'component:default/d',
        owner: undefined,
        mesh: undefined,
        coverage: null,
        gaps: 0,
      },
    ]);
  });

  it('summarises today as evaluating each component does, with the distribution and the owners', () => {
    const { summary } = snapshotOf(fleet);
    expect(summary.today).toMatchObject({
      components: 4,
      meshes: [
        { mesh: 'kubernetes', components: 1 },
        { mesh: 'istio', components: 1 },
        { mesh: 'linkerd', components: 1 },
      ],
      invalidMesh: 1,
      withErrors: 1,
      undeclared: 0,
      ...evaluatedRows(fleet, {}),
    });
    expect(
      summary.distribution.filter(bucket => bucket.components > 0),
    ).toEqual([
      { from: 50, to: 59, components: 1 },
      { from: 60, to: 69, components: 1 },
      { from: 100, to: 100, components: 1 },
    ]);
    expect(fleetOwners(index, summary.groups)).toEqual([
      {
        owner: TEAM_A,
        components: 2,
        meanCoverage: 59,
        gaps: 2,
        implementedByApp: 2,
        meshes: ['kubernetes', 'linkerd'],
      },
      {
        owner: '',
        components: 1,
        meanCoverage: null,
        gaps: 0,
        implementedByApp: 0,
        meshes: [],
      },
      {
        owner: TEAM_B,
        components: 1,
        meanCoverage: 100,
        gaps: 0,
        implementedByApp: 0,
        meshes: ['istio'],
      },
    ]);
  });

  it('adds up the groups a history filter selects', () => {
    const { groups } = snapshotOf(fleet).summary;
    expect(totalOfGroups(groups)).toEqual({
      components: 4,
      coverage: 72,
      gaps: 2,
    });
    expect(totalOfGroups(groups, { owner: TEAM_A })).toEqual({
      components: 2,
      coverage: 59,
      gaps: 2,
    });
    expect(totalOfGroups(groups, { mesh: 'istio', owner: TEAM_A })).toEqual({
      components: 0,
      coverage: null,
      gaps: 0,
    });
  });
});

describe('fleetWhatIf', () => {
  const { summary } = snapshotOf(fleet);

  it('makes the adoption case of Istio: two implementations off one team, two gaps closed', () => {
    expect(fleetWhatIf(index, summary, 'istio').adoption).toEqual({
      mesh: 'istio',
      implementationsRemoved: 2,
      teams: 1,
      turnedOffToday: 0,
      gapsClosed: 2,
      gapsOpened: 0,
      byOwner: [
        {
          owner: TEAM_A,
          implementationsRemoved: 2,
          gapsClosed: 2,
          gapsOpened: 0,
        },
      ],
    });
  });

  it('counts the gaps a mesh opens where today’s mesh carries more', () => {
    expect(fleetWhatIf(index, summary, 'linkerd').adoption).toEqual({
      mesh: 'linkerd',
      implementationsRemoved: 1,
      teams: 1,
      turnedOffToday: 0,
      gapsClosed: 1,
      gapsOpened: 1,
      byOwner: [
        {
          owner: TEAM_A,
          implementationsRemoved: 1,
          gapsClosed: 1,
          gapsOpened: 0,
        },
        {
          owner: TEAM_B,
          implementationsRemoved: 0,
          gapsClosed: 0,
          gapsOpened: 1,
        },
      ],
    });
    expect(fleetWhatIf(index, summary, 'kubernetes').adoption).toMatchObject({
      implementationsRemoved: 0,
      teams: 0,
      turnedOffToday: 0,
      gapsClosed: 0,
      gapsOpened: 3,
    });
  });

  it('gives, per responsibility, what evaluating every component on the mesh gives', () => {
    const generated = Array.from({ length: 300 }, (_, i) => {
      const ids = index.responsibilityIds;
      const pick = (k: number) => ids[(i * 7 + k * 13) % ids.length];
      return {
        entityRef: `component:default/c${i}`,
        owner: `group:default/t${i % 7}`,
        type: i % 3 ? 'service' : 'batch',
        annotations: {
          'meshcoverage.io/mesh': [...index.meshIds, 'istoi'][i % 7],
          'meshcoverage.io/requires': [pick(1), pick(2), pick(3)].join(','),
          'meshcoverage.io/implements': i % 2 ? pick(2) : '',
        },
      };
    });
    const defaultRequirements = { service: ['mtls'] };
    const accumulator = new FleetSnapshotAccumulator(index, {
      defaultRequirements,
    });
    generated.forEach(component => accumulator.add(component));
    const counted = accumulator.result();
    const today = evaluatedRows(generated, { defaultRequirements });
    expect(counted.today).toMatchObject(today);
    expect(today.responsibilities.length).toBeGreaterThan(10);
    for (const mesh of index.meshIds) {
      const { whatIf, change } = fleetWhatIf(index, counted, mesh);
      const evaluated = evaluatedRows(generated, { defaultRequirements, mesh });
      expect(whatIf.responsibilities).toEqual(evaluated.responsibilities);
      expect(whatIf.meanCoverage).toBeNull();
      expect(change.length).toBe(evaluated.responsibilities.length);
    }
  });

  it('keeps the components behind each count when asked, today and in a what-if', () => {
    const accumulator = new FleetSnapshotAccumulator(index, {
      includeEntityRefs: true,
    });
    fleet.forEach(component => accumulator.add(component));
    const counted = accumulator.result();
    const row = (rows: FleetResponsibility[], id: string) =>
      rows.find(r => r.responsibilityId === id)?.entityRefs;
    expect(row(counted.today.responsibilities, 'mtls')).toEqual({
      covered: ['component:default/a', 'component:default/c'],
      implementedByApp: [],
      gaps: ['component:default/b'],
      turnedOff: [],
    });
    // On Istio the invalid-mesh component is evaluated too.
    expect(
      row(fleetWhatIf(index, counted, 'istio').whatIf.responsibilities, 'mtls'),
    ).toEqual({
      covered: [
        'component:default/a',
        'component:default/b',
        'component:default/c',
        'component:default/d',
      ],
      implementedByApp: [],
      gaps: [],
      turnedOff: [],
    });
  });

  it('counts what runs: the mesh found in the pods, what is turned off, what is known to be configured', () => {
    const accumulator = new FleetSnapshotAccumulator(index, {});
    const component = (name: string) => ({
      entityRef: `component:default/${name}`,
      owner: 'group:default/team',
      annotations: { 'meshcoverage.io/requires': 'mtls, circuit-breaker' },
    });
    const state = (mtls: string, breaker: string) =>
      new Map([
        ['mtls', { state: mtls }],
        ['circuit-breaker', { state: breaker }],
      ]) as any;
    // Istio from its pods, mTLS STRICT, no DestinationRule: circuit breaking turned off.
    expect(
      accumulator.add(component('a'), {
        mesh: 'istio',
        configured: state('yes', 'no'),
      }),
    ).toMatchObject({ mesh: 'istio', coverage: 50, gaps: 1 });
    accumulator.add(component('b'), {
      mesh: 'istio',
      configured: state('unknown', 'yes'),
    });
    const { today, groups, requirements } = accumulator.result();
    expect(today.meshes).toEqual([{ mesh: 'istio', components: 2 }]);
    const row = (id: string) =>
      today.responsibilities.find(r => r.responsibilityId === id);
    expect(row('circuit-breaker')).toMatchObject({
      required: 2,
      covered: 1,
      turnedOff: 1,
      gaps: 0,
      configured: 1,
    });
    // "Unknown" stays covered, and is not counted as known to be configured.
    expect(row('mtls')).toMatchObject({ covered: 2, configured: 1 });
    expect(groups).toMatchObject([{ mesh: 'istio', gaps: 1 }]);
    expect(
      requirements.find(
        r =>
          r.responsibilityId === 'circuit-breaker' && r.status === 'turned-off',
      ),
    ).toMatchObject({ configured: 'no', components: 1 });
    // On another mesh the configuration is not known: the cell decides.
    const whatIf = fleetWhatIf(index, accumulator.result(), 'consul');
    expect(
      whatIf.whatIf.responsibilities.find(
        r => r.responsibilityId === 'circuit-breaker',
      ),
    ).toMatchObject({ covered: 2, turnedOff: 0 });
    expect(whatIf.adoption.turnedOffToday).toBe(1);
  });

  it('refuses a mesh the matrix does not have', () => {
    expect(() => fleetWhatIf(index, summary, 'kiali')).toThrow(
      "Unknown mesh 'kiali'",
    );
  });
});
