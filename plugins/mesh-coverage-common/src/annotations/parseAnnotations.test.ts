import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import { parseMeshDeclaration, parseMeshId } from './parseAnnotations';
import { suggestId } from './suggest';

const index = indexMatrix(SEED_MATRIX);
const REQUIRES = 'meshcoverage.io/requires';
/** The ids and errors of a `requires` annotation alone. */
const parse = (value: string | undefined) => {
  const declaration = parseMeshDeclaration(
    value === undefined ? {} : { [REQUIRES]: value },
    index,
  );
  return { ids: declaration.declaredRequires, errors: declaration.errors };
};

describe('a list of responsibility ids', () => {
  it('ignores white space around ids', () => {
    expect(parse('  mtls ,\tretries\n, timeouts ')).toEqual({
      ids: ['mtls', 'retries', 'timeouts'],
      errors: [],
    });
  });

  it('keeps a duplicate once, without complaint', () => {
    expect(parse('mtls,retries,mtls')).toEqual({
      ids: ['mtls', 'retries'],
      errors: [],
    });
  });

  it('ignores empty entries and an empty or absent value', () => {
    expect(parse(',,mtls,,')).toEqual({ ids: ['mtls'], errors: [] });
    expect(parse('')).toEqual({ ids: [], errors: [] });
    expect(parse('  ')).toEqual({ ids: [], errors: [] });
    expect(parse(undefined)).toEqual({ ids: [], errors: [] });
  });

  it('leaves out an unknown id and suggests the closest one', () => {
    expect(parse('mtsl,retries')).toEqual({
      ids: ['retries'],
      errors: [
        "meshcoverage.io/requires: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
      ],
    });
  });

  it('is case-sensitive, but suggests the right case', () => {
    expect(parse('MTLS').errors).toEqual([
      "meshcoverage.io/requires: unknown responsibility 'MTLS' (did you mean 'mtls'?)",
    ]);
  });

  it('says where to look when nothing is close', () => {
    expect(parse('kafka-queues').errors).toEqual([
      "meshcoverage.io/requires: unknown responsibility 'kafka-queues' (see the Mesh comparison page for valid ids)",
    ]);
  });

  it('explains ids separated by spaces or semicolons', () => {
    expect(parse('mtls retries; timeouts').errors).toEqual([
      "meshcoverage.io/requires: unknown responsibility 'mtls retries; timeouts' (separate ids with commas)",
    ]);
  });

  it('names ten bad ids and counts the rest', () => {
    const value = Array.from({ length: 25 }, (_, i) => `bad-${i}`).join(',');
    const { ids, errors } = parse(value);
    expect(ids).toEqual([]);
    expect(errors).toHaveLength(11);
    expect(errors[10]).toBe(
      'meshcoverage.io/requires: 15 more unknown responsibilities',
    );
  });

  it('shortens a huge bad value in its message', () => {
    const { errors } = parse('x'.repeat(100_000));
    expect(errors[0].length).toBeLessThan(200);
  });
});

describe('parseMeshId', () => {
  it('reads an absent or empty mesh as the baseline (no mesh)', () => {
    expect(parseMeshId(undefined, index)).toEqual({
      mesh: 'kubernetes',
      errors: [],
    });
    expect(parseMeshId(' ', index)).toEqual({ mesh: 'kubernetes', errors: [] });
  });

  it('accepts a mesh id with white space around it', () => {
    expect(parseMeshId(' vpc-lattice ', index)).toEqual({
      mesh: 'vpc-lattice',
      errors: [],
    });
    expect(parseMeshId('kubernetes', index)).toEqual({
      mesh: 'kubernetes',
      errors: [],
    });
  });

  it('rejects an observability tool with the valid choices', () => {
    expect(parseMeshId('kiali', index)).toEqual({
      mesh: undefined,
      errors: [
        "meshcoverage.io/mesh: 'kiali' is a tool of kind observability, not a mesh (use one of kubernetes, istio, linkerd, consul, vpc-lattice, cilium)",
      ],
    });
  });

  it('rejects an unknown mesh with a suggestion', () => {
    expect(parseMeshId('Istio', index)).toEqual({
      mesh: undefined,
      errors: [
        "meshcoverage.io/mesh: unknown mesh 'Istio' (did you mean 'istio'?)",
      ],
    });
  });
});

describe('parseMeshDeclaration', () => {
  it('unites config defaults with the requires annotation, in matrix order', () => {
    const declaration = parseMeshDeclaration(
      {
        'meshcoverage.io/mesh': 'linkerd',
        'meshcoverage.io/requires': 'jwt-auth, retries',
        'meshcoverage.io/implements': 'jwt-auth',
      },
      index,
      ['mtls', 'retries'],
    );
    expect(declaration).toEqual({
      mesh: 'linkerd',
      requires: ['retries', 'mtls', 'jwt-auth'], // matrix order
      declaredRequires: ['jwt-auth', 'retries'],
      implements: ['jwt-auth'],
      errors: [],
      declared: true,
    });
  });

  it('collects the errors of every annotation', () => {
    const declaration = parseMeshDeclaration(
      {
        'meshcoverage.io/mesh': 'linkerd2',
        'meshcoverage.io/requires': 'mtsl',
        'meshcoverage.io/implements': 'retry',
      },
      index,
    );
    expect(declaration.errors).toEqual([
      "meshcoverage.io/mesh: unknown mesh 'linkerd2' (did you mean 'linkerd'?)",
      "meshcoverage.io/requires: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
      "meshcoverage.io/implements: unknown responsibility 'retry' (did you mean 'retries'?)",
    ]);
    expect(declaration.mesh).toBeUndefined();
  });

  it('reports a component that declares nothing', () => {
    expect(
      parseMeshDeclaration({ 'backstage.io/techdocs-ref': 'dir:.' }, index),
    ).toEqual({
      mesh: 'kubernetes',
      requires: [],
      declaredRequires: [],
      implements: [],
      errors: [],
      declared: false,
    });
  });
});

describe('suggestId', () => {
  it('suggests only plausible ids', () => {
    expect(suggestId('circuit-braker', index.responsibilityIds)).toBe(
      'circuit-breaker',
    );
    expect(suggestId('vpclattice', index.meshIds)).toBe('vpc-lattice');
    expect(suggestId('zz', index.responsibilityIds)).toBeUndefined();
    expect(suggestId('', index.responsibilityIds)).toBeUndefined();
    expect(suggestId('golden', index.responsibilityIds)).toBe(
      'golden-signals-create',
    );
  });
});
