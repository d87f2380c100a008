import { evaluateComponentCoverage } from '../__testUtils__/evaluateComponentCoverage';
import fc from 'fast-check';
import { parseMeshDeclaration } from '../annotations/parseAnnotations';
import { coverageAnnotations } from '../coverage/componentCoverage';
import { evaluateCoverage } from '../coverage/evaluateCoverage';
import { SEED_MATRIX } from '../data/builtinMatrix';
import { BUILTIN_RESPONSIBILITY_IDS } from '../model/ids';
import { indexMatrix } from '../model/matrixIndex';
import { validateMeshMatrix } from '../schema/validateMeshMatrix';

// Properties run 10 000 generated cases each (hostile input never crashes or loses data).
const RUNS = { numRuns: 10_000 };
jest.setTimeout(300_000);

const index = indexMatrix(SEED_MATRIX);
const validIds = new Set<string>(BUILTIN_RESPONSIBILITY_IDS);

/** Annotation values as people and tools mistype them: ids, near-ids, separators, any unicode. */
const idLike = fc.oneof(
  fc.constantFrom(...BUILTIN_RESPONSIBILITY_IDS),
  fc.constantFrom(
    'mtsl',
    'MTLS',
    ' retries ',
    'circuit_breaker',
    'jwt auth',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const separator = fc.constantFrom(
  ',',
  ', ',
  ' ,',
  ',,',
  ';',
  ' ',
  '\n',
  '\t',
  '、',
  '，',
);
const annotationValue = fc.oneof(
  fc
    .tuple(fc.array(idLike, { maxLength: 30 }), separator)
    .map(([ids, sep]) => ids.join(sep)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant(''),
);

/** The ids and errors of a `requires` annotation alone. */
function parseResponsibilityIds(value: string) {
  const declaration = parseMeshDeclaration(
    { 'meshcoverage.io/requires': value },
    index,
  );
  return { ids: declaration.declaredRequires, errors: declaration.errors };
}

describe('annotation parser properties', () => {
  it('never throws and returns only valid ids, each once, plus string errors', () => {
    fc.assert(
      fc.property(annotationValue, value => {
        const { ids, errors } = parseResponsibilityIds(value);
        expect(ids.every(id => validIds.has(id))).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        expect(
          errors.every(
            e =>
              typeof e === 'string' &&
              e.startsWith('meshcoverage.io/requires: '),
          ),
        ).toBe(true);
        expect(errors.length).toBeLessThanOrEqual(11);
      }),
      RUNS,
    );
  });

  it('handles 10 000 ids in one annotation', () => {
    const ids = Array.from(
      { length: 10_000 },
      (_, i) => BUILTIN_RESPONSIBILITY_IDS[i % 35],
    );
    const valid = parseResponsibilityIds(ids.join(','));
    expect(valid.ids).toHaveLength(35);
    expect(valid.errors).toEqual([]);
    const bad = Array.from({ length: 10_000 }, (_, i) => `bad-${i}`).join(',');
    const invalid = parseResponsibilityIds(bad);
    expect(invalid.ids).toEqual([]);
    expect(invalid.errors).toHaveLength(11);
  });

  it('never throws on any set of annotations, and its mesh is a mesh tool or absent', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'meshcoverage.io/mesh',
            'meshcoverage.io/requires',
            'meshcoverage.io/implements',
            'other',
          ),
          annotationValue,
        ),
        annotations => {
          const declaration = parseMeshDeclaration(annotations, index);
          expect(
            declaration.mesh === undefined ||
              index.meshIds.includes(declaration.mesh),
          ).toBe(true);
          expect(declaration.requires.every(id => validIds.has(id))).toBe(true);
          expect(declaration.implements.every(id => validIds.has(id))).toBe(
            true,
          );
        },
      ),
      RUNS,
    );
  });
});

describe('coverage properties', () => {
  const idSubset = fc.subarray([...BUILTIN_RESPONSIBILITY_IDS]);
  it('partitions the required set into mesh, app and gaps, with coverage in 0..100 or null', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...index.meshIds),
        idSubset,
        idSubset,
        (mesh, requires, implemented) => {
          const report = evaluateCoverage(index, {
            mesh,
            requires,
            implements: implemented,
          });
          const sorted = (ids: readonly string[]) => [...ids].sort();
          // A partition of the required set, in items as in the three lists.
          expect(
            sorted([
              ...report.covered,
              ...report.implementedByApp,
              ...report.gaps,
            ]),
          ).toEqual(sorted(requires));
          expect(sorted(report.items.map(i => i.responsibilityId))).toEqual(
            sorted(requires),
          );
          const { coverage } = report;
          expect(
            requires.length === 0
              ? coverage === null
              : Number.isInteger(coverage) &&
                  coverage! >= 0 &&
                  coverage! <= 100,
          ).toBe(true);
          // Only what the app implements is the app's; without a mesh nothing is covered.
          expect(implemented).toEqual(
            expect.arrayContaining(report.implementedByApp),
          );
          expect(mesh === 'kubernetes' ? report.covered : []).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});

describe('computed annotations properties', () => {
  it('say what the full coverage report says, for any annotations and defaults', () => {
    const defaultRequirements = {
      service: ['mtls', 'retries', 'mtls', 'nope'],
    };
    fc.assert(
      fc.property(
        fc.record(
          {
            'meshcoverage.io/mesh': fc.oneof(
              fc.constantFrom(...index.meshIds, 'aws-app-mesh', ''),
              annotationValue,
            ),
            'meshcoverage.io/requires': annotationValue,
            'meshcoverage.io/implements': annotationValue,
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom(undefined, 'service', 'website'),
        (annotations, type) => {
          const component = { type, annotations };
          const { declaration, report } = evaluateComponentCoverage(
            index,
            component,
            { defaultRequirements },
          );
          const expected: Record<string, string> = {};
          if (report) {
            expected['meshcoverage.io/covered'] = report.covered.join(',');
            expected['meshcoverage.io/gaps'] = report.gaps.join(',');
            if (report.coverage !== null) {
              expected['meshcoverage.io/coverage'] = String(report.coverage);
            }
          }
          if (declaration.errors.length) {
            expected['meshcoverage.io/errors'] = declaration.errors.join('; ');
          }
          expect(coverageAnnotations({ declaration, report })).toEqual(
            expected,
          );
        },
      ),
      RUNS,
    );
  });
});

describe('matrix validation properties', () => {
  /** Every place in the built-in matrix document a mutation can hit. */
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (path.length) {
      paths.push(path);
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value && typeof value === 'object') {
      Object.entries(value).forEach(([key, item]) =>
        walk(item, [...path, key]),
      );
    }
  };
  walk(SEED_MATRIX, []);

  const mutation = fc.record({
    path: fc.constantFrom(...paths),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.constantFrom('maybe', 'Istio', 'mtls', '', 'x'.repeat(20_000), null),
    ),
  });

  const mutate = (path: (string | number)[], value: unknown) => {
    const copy: any = structuredClone(SEED_MATRIX);
    let target = copy;
    path.slice(0, -1).forEach(key => {
      target = target[key];
    });
    const last = path[path.length - 1];
    if (value === undefined && !Array.isArray(target)) {
      delete target[last];
    } else {
      target[last] = value;
    }
    return copy;
  };

  it('accepts a mutation or rejects it with located problems, never crashing', () => {
    fc.assert(
      fc.property(mutation, ({ path, value }) => {
        const result = validateMeshMatrix(mutate(path, value));
        // Rejected: every problem is located and explained. Accepted: the matrix is usable, it
        // indexes and evaluates.
        expect(
          result.valid
            ? evaluateCoverage(indexMatrix(result.matrix), {
                mesh: 'kubernetes',
                requires: ['mtls'],
              }).items.length === 1
            : result.problems.length > 0 &&
                result.problems.every(
                  p => p.path.length > 0 && p.message.length > 0,
                ),
        ).toBe(true);
      }),
      RUNS,
    );
  });
});
