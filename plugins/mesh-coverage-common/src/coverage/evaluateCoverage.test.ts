import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import { MeshMatrix } from '../model/types';
import { evaluateCoverage } from './evaluateCoverage';

const index = indexMatrix(SEED_MATRIX);

describe('evaluateCoverage (docs/coverage.md)', () => {
  it('gives coverage null, not 100, when nothing is required', () => {
    expect(evaluateCoverage(index, { mesh: 'istio', requires: [] })).toEqual({
      mesh: 'istio',
      coverage: null,
      items: [],
      covered: [],
      implementedByApp: [],
      gaps: [],
      errors: [],
    });
  });

  it('marks a responsibility mesh when the mesh cell is yes', () => {
    const report = evaluateCoverage(index, {
      mesh: 'istio',
      requires: ['mtls'],
    });
    expect(report.items).toEqual([
      { responsibilityId: 'mtls', status: 'mesh', support: 'yes' },
    ]);
    expect(report.coverage).toBe(100);
  });

  it('counts partial support as mesh, flagged partial', () => {
    const matrix: MeshMatrix = JSON.parse(JSON.stringify(SEED_MATRIX));
    matrix.cells.find(
      c => c.toolId === 'linkerd' && c.responsibilityId === 'circuit-breaker',
    )!.support = 'partial';
    const report = evaluateCoverage(indexMatrix(matrix), {
      mesh: 'linkerd',
      requires: ['circuit-breaker'],
    });
    expect(report.items).toEqual([
      {
        responsibilityId: 'circuit-breaker',
        status: 'mesh',
        support: 'partial',
        partial: true,
      },
    ]);
    expect(report.covered).toEqual(['circuit-breaker']);
    expect(report.coverage).toBe(100);
  });

  it('marks a responsibility app when the mesh lacks it but the app implements it', () => {
    const report = evaluateCoverage(index, {
      mesh: 'linkerd',
      requires: ['jwt-auth'],
      implements: ['jwt-auth'],
    });
    expect(report.items).toEqual([
      { responsibilityId: 'jwt-auth', status: 'app', support: 'no' },
    ]);
    expect(report.implementedByApp).toEqual(['jwt-auth']);
    expect(report.coverage).toBe(100);
  });

  it('prefers the mesh when the app also implements a covered responsibility', () => {
    const report = evaluateCoverage(index, {
      mesh: 'istio',
      requires: ['jwt-auth'],
      implements: ['jwt-auth'],
    });
    expect(report.items[0].status).toBe('mesh');
  });

  it('reports a gap with the no-mesh alternative', () => {
    const report = evaluateCoverage(index, {
      mesh: 'linkerd',
      requires: ['jwt-auth'],
    });
    expect(report.items).toEqual([
      {
        responsibilityId: 'jwt-auth',
        status: 'gap',
        support: 'no',
        alternative: {
          en: 'Implement it in the app, or run an OAuth proxy (e.g. OAuth2 Proxy) or an SSO proxy (e.g. Dex)',
          ja: 'アプリで実装、OAuthプロキシ (例:OAuth2 Proxyなど) やSSOプロキシ(例:Dexなど)',
        },
      },
    ]);
    expect(report.gaps).toEqual(['jwt-auth']);
    expect(report.coverage).toBe(0);
  });

  it('flags a gap unknown when the mesh cell is not researched (記入中...)', () => {
    const report = evaluateCoverage(index, {
      mesh: 'kubernetes',
      requires: ['circuit-breaker'],
    });
    expect(report.items).toEqual([
      {
        responsibilityId: 'circuit-breaker',
        status: 'gap',
        support: 'unknown',
        unknown: true,
      },
    ]);
  });

  it('flags a gap unknown when the matrix does not compare the mesh for it', () => {
    const report = evaluateCoverage(index, {
      mesh: 'cilium',
      requires: ['retries'],
    });
    expect(report.items).toEqual([
      {
        responsibilityId: 'retries',
        status: 'gap',
        support: 'unknown',
        unknown: true,
      },
    ]);
  });

  it('gives a component without a mesh no mesh statuses at all (section 01)', () => {
    const everything = SEED_MATRIX.responsibilities.map(r => r.id);
    const report = evaluateCoverage(index, {
      mesh: 'kubernetes',
      requires: everything,
      implements: ['mtls', 'retries'],
    });
    expect(report.covered).toEqual([]);
    expect(report.implementedByApp).toEqual(['retries', 'mtls']);
    expect(report.gaps).toHaveLength(33);
    expect(
      report.items.find(i => i.responsibilityId === 'protocol-tcp'),
    ).toEqual({
      responsibilityId: 'protocol-tcp',
      status: 'gap',
      support: 'no',
      alternative: { en: 'Service + kube-proxy', ja: 'Service + kube-proxy' },
    });
    expect(report.coverage).toBe(6); // round(100 × 2 / 35)
  });

  it('rounds coverage to an integer percentage of the required set', () => {
    const report = evaluateCoverage(index, {
      mesh: 'linkerd',
      requires: ['mtls', 'retries', 'circuit-breaker'],
    });
    expect(report.coverage).toBe(67);
  });

  it('lists items and id lists in matrix order, each required id once', () => {
    const report = evaluateCoverage(index, {
      mesh: 'consul',
      requires: [
        'custom-resources',
        'retries',
        'mtls',
        'fault-injection',
        'retries',
      ],
      implements: ['fault-injection'],
    });
    expect(report.items.map(i => i.responsibilityId)).toEqual([
      'fault-injection',
      'retries',
      'mtls',
      'custom-resources',
    ]);
    expect(report.covered).toEqual(['retries', 'mtls']);
    expect(report.implementedByApp).toEqual(['fault-injection']);
    expect(report.gaps).toEqual(['custom-resources']);
    expect(report.coverage).toBe(75);
  });

  it('ignores implemented responsibilities that are not required', () => {
    const report = evaluateCoverage(index, {
      mesh: 'istio',
      requires: ['mtls'],
      implements: ['routing'],
    });
    expect(report.implementedByApp).toEqual([]);
    expect(report.items).toHaveLength(1);
  });

  it('leaves out ids the matrix does not know (the parser reports them)', () => {
    const report = evaluateCoverage(index, {
      mesh: 'istio',
      requires: ['mtls', 'mtsl'],
    });
    expect(report.items.map(i => i.responsibilityId)).toEqual(['mtls']);
  });

  it('refuses an unknown mesh', () => {
    expect(() =>
      evaluateCoverage(index, { mesh: 'istoi', requires: [] }),
    ).toThrow("Unknown mesh 'istoi'");
  });
});
