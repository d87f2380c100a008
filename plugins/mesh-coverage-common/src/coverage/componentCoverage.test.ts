import { evaluateComponentCoverage } from '../__testUtils__/evaluateComponentCoverage';
import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import {
  coverageAnnotations,
  isCoverageSubject,
  parseComponent,
} from './componentCoverage';

const index = indexMatrix(SEED_MATRIX);

describe('evaluateComponentCoverage', () => {
  it('evaluates a component from its annotations and config defaults by spec.type', () => {
    const { report } = evaluateComponentCoverage(
      index,
      {
        entityRef: 'component:default/payments-api',
        type: 'service',
        annotations: {
          'meshcoverage.io/mesh': 'linkerd',
          'meshcoverage.io/requires': 'jwt-auth, circuit-breaker',
        },
      },
      { defaultRequirements: { service: ['mtls', 'retries'] } },
    );
    expect(report).toMatchObject({
      entityRef: 'component:default/payments-api',
      mesh: 'linkerd',
      covered: ['retries', 'mtls'],
      gaps: ['circuit-breaker', 'jwt-auth'],
      coverage: 50,
      errors: [],
    });
  });

  it('evaluates as if the component ran another mesh (what-if)', () => {
    const { report } = evaluateComponentCoverage(
      index,
      {
        annotations: {
          'meshcoverage.io/mesh': 'linkerd',
          'meshcoverage.io/requires': 'jwt-auth',
        },
      },
      { meshOverride: 'istio' },
    );
    expect(report).toMatchObject({
      mesh: 'istio',
      covered: ['jwt-auth'],
      coverage: 100,
    });
  });

  it('gives no report for an invalid mesh, only the errors', () => {
    const result = evaluateComponentCoverage(index, {
      annotations: {
        'meshcoverage.io/mesh': 'istoi',
        'meshcoverage.io/requires': 'mtls',
      },
    });
    expect(result.report).toBeUndefined();
    expect(result.declaration.errors).toEqual([
      "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)",
    ]);
  });
});

describe('isCoverageSubject', () => {
  it('is true for a component that declares something or whose type has defaults', () => {
    const subject = (annotations: Record<string, string>, type?: string) =>
      isCoverageSubject(
        parseComponent(index, { type, annotations }, { service: ['mtls'] }),
      );
    expect(subject({ 'meshcoverage.io/mesh': '' })).toBe(true);
    expect(subject({ 'meshcoverage.io/implements': 'mtls' })).toBe(true);
    expect(subject({}, 'service')).toBe(true);
    expect(subject({ 'backstage.io/techdocs-ref': 'dir:.' }, 'website')).toBe(
      false,
    );
    // Only configured types have defaults, not the names of object properties.
    expect(subject({}, 'constructor')).toBe(false);
    expect(subject({}, 'hasOwnProperty')).toBe(false);
  });
});

describe('config defaults by spec.type', () => {
  it('unites the defaults of the component type with what it declares', () => {
    const coverage = evaluateComponentCoverage(
      index,
      {
        type: 'service',
        annotations: {
          'meshcoverage.io/mesh': 'linkerd',
          'meshcoverage.io/requires': 'circuit-breaker',
        },
      },
      { defaultRequirements: { service: ['mtls'] } },
    );
    expect(coverageAnnotations(coverage)).toEqual({
      'meshcoverage.io/covered': 'mtls',
      'meshcoverage.io/gaps': 'circuit-breaker',
      'meshcoverage.io/coverage': '50',
    });
  });

  it('knows only the configured types: a type named like an object property has no defaults', () => {
    for (const type of ['constructor', 'toString', '__proto__']) {
      const declaration = parseComponent(
        index,
        {
          type,
          annotations: {
            'meshcoverage.io/mesh': 'linkerd',
            'meshcoverage.io/requires': 'retries',
          },
        },
        { service: ['mtls'] },
      );
      expect(declaration.requires).toEqual(['retries']);
    }
  });
});

describe('coverageAnnotations (docs/annotations.md)', () => {
  const annotate = (annotations: Record<string, string>) =>
    coverageAnnotations(evaluateComponentCoverage(index, { annotations }));

  it('agrees with the full report on a 100-row matrix', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `duty-${i}`);
    const supports = [
      'yes',
      'no',
      'partial',
      'unknown',
      'not-applicable',
    ] as const;
    const wide = indexMatrix({
      ...SEED_MATRIX,
      responsibilities: ids.map(id => ({ id, title: { en: id, ja: id } })),
      cells: ids.flatMap((responsibilityId, i) => [
        { toolId: 'istio', responsibilityId, support: supports[i % 5] },
        { toolId: 'kubernetes', responsibilityId, support: 'no' as const },
      ]),
    });
    const component = {
      annotations: {
        'meshcoverage.io/mesh': 'istio',
        // The last row, a duplicate, out of order.
        'meshcoverage.io/requires':
          'duty-99, duty-64, duty-63, duty-32, duty-31, duty-0, duty-32, duty-2, duty-70, duty-36',
        'meshcoverage.io/implements': 'duty-31, duty-36, duty-1',
      },
    };
    const coverage = evaluateComponentCoverage(wide, component);
    const { report } = coverage;
    expect(report!.gaps).toEqual(['duty-63', 'duty-64', 'duty-99']);
    expect(coverageAnnotations(coverage)).toEqual({
      'meshcoverage.io/covered': report!.covered.join(','),
      'meshcoverage.io/gaps': 'duty-63,duty-64,duty-99',
      'meshcoverage.io/coverage': String(report!.coverage),
    });
  });

  it('counts what the app implements towards coverage, neither covered nor a gap', () => {
    expect(
      annotate({
        'meshcoverage.io/mesh': 'linkerd',
        'meshcoverage.io/requires': 'circuit-breaker, jwt-auth, mtls',
        'meshcoverage.io/implements': 'jwt-auth',
      }),
    ).toEqual({
      'meshcoverage.io/covered': 'mtls',
      'meshcoverage.io/gaps': 'circuit-breaker',
      'meshcoverage.io/coverage': '67',
    });
  });

  it('writes covered, gaps and coverage in matrix order', () => {
    expect(
      annotate({
        'meshcoverage.io/mesh': 'linkerd',
        'meshcoverage.io/requires':
          'jwt-auth,mtls,fault-injection,circuit-breaker',
      }),
    ).toEqual({
      'meshcoverage.io/covered': 'fault-injection,mtls',
      'meshcoverage.io/gaps': 'circuit-breaker,jwt-auth',
      'meshcoverage.io/coverage': '50',
    });
  });

  it('writes empty strings when nothing is covered or missing, and no coverage when nothing is required', () => {
    expect(annotate({ 'meshcoverage.io/mesh': 'istio' })).toEqual({
      'meshcoverage.io/covered': '',
      'meshcoverage.io/gaps': '',
    });
  });

  it('computes what it can and lists the errors for a typo', () => {
    expect(
      annotate({
        'meshcoverage.io/mesh': 'istio',
        'meshcoverage.io/requires': 'mtsl, retries',
      }),
    ).toEqual({
      'meshcoverage.io/covered': 'retries',
      'meshcoverage.io/gaps': '',
      'meshcoverage.io/coverage': '100',
      'meshcoverage.io/errors':
        "meshcoverage.io/requires: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
    });
  });

  it('writes only errors, joined by "; ", when the mesh is unknown', () => {
    expect(
      annotate({
        'meshcoverage.io/mesh': 'istoi',
        'meshcoverage.io/requires': 'mtsl',
      }),
    ).toEqual({
      'meshcoverage.io/errors':
        "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?); meshcoverage.io/requires: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
    });
  });
});
