import { SEED_MATRIX } from '../data/builtinMatrix';
import { MeshMatrix } from '../model/types';
import {
  formatPath,
  MatrixValidationError,
  parseMeshMatrix,
  formatProblem,
  validateMeshMatrix,
} from './validateMeshMatrix';

/** A deep copy of the built-in matrix to break in one place. */
const copy = (): MeshMatrix => JSON.parse(JSON.stringify(SEED_MATRIX));

const problemsOf = (document: unknown) => {
  const result = validateMeshMatrix(document);
  return result.valid ? [] : result.problems.map(formatProblem);
};

describe('validateMeshMatrix', () => {
  it('accepts an exported matrix loaded back from JSON', () => {
    const result = validateMeshMatrix(JSON.parse(JSON.stringify(SEED_MATRIX)));
    expect(result.valid).toBe(true);
  });

  it('accepts operator fields since, source and verifiedAt on a cell', () => {
    const matrix = copy();
    Object.assign(matrix.cells[20], {
      since: '1.22',
      source: 'https://istio.io/latest/docs/',
      verifiedAt: '2026-10-01',
    });
    expect(problemsOf(matrix)).toEqual([]);
  });

  it('names the path and the allowed values of a bad support', () => {
    const matrix = copy() as any;
    matrix.cells[12].support = 'maybe';
    expect(problemsOf(matrix)).toEqual([
      "cells[12].support: expected yes|no|partial|unknown|not-applicable, got 'maybe'",
    ]);
  });

  it('rejects a document that is not a matrix', () => {
    expect(problemsOf(null)).toEqual([
      'expected a matrix document { tools, categories, responsibilities, cells }, got null',
    ]);
    expect(problemsOf('tools: []')[0]).toMatch(
      /^expected a matrix document .* got 'tools: \[\]'$/,
    );
  });

  it('names missing lists', () => {
    const { cells, ...withoutCells } = copy();
    expect(problemsOf(withoutCells)).toEqual([
      'cells: missing (expected a list of cells)',
    ]);
  });

  it('rejects misspelt fields instead of silently ignoring them', () => {
    const matrix = copy() as any;
    matrix.cells[3].suport = 'yes';
    expect(problemsOf(matrix)).toEqual([
      "cells[3]: unknown field 'suport' (check its spelling)",
    ]);
  });

  it('requires kebab-case ids', () => {
    const matrix = copy();
    matrix.tools[4].id = 'VPC_Lattice';
    expect(problemsOf(matrix)[0]).toBe(
      "tools[4].id: 'VPC_Lattice' is not a kebab-case id (lower-case letters, digits and single dashes, e.g. 'vpc-lattice')",
    );
  });

  it('requires text in both languages', () => {
    const matrix = copy() as any;
    delete matrix.responsibilities[2].title.ja;
    expect(problemsOf(matrix)).toEqual([
      'responsibilities[2].title.ja: missing (expected a string)',
    ]);
  });

  it('accepts only http and https sources', () => {
    const matrix = copy();
    // A script URL from a hostile matrix file must never reach a link.
    matrix.cells[0].source = ['javascript', 'alert(1)'].join(':');
    expect(problemsOf(matrix)).toEqual([
      "cells[0].source: expected an http(s) URL, got 'javascript:alert(1)'",
    ]);
  });

  it('rejects duplicate ids with the place of the first use', () => {
    const matrix = copy();
    matrix.responsibilities[5].id = 'protocol-tcp';
    expect(problemsOf(matrix)).toContain(
      "responsibilities[5].id: duplicate responsibility id 'protocol-tcp' (first used at responsibilities[0])",
    );
  });

  it('rejects a cell naming an unknown tool or responsibility', () => {
    const matrix = copy();
    matrix.cells[0].toolId = 'istoi';
    matrix.cells[1].responsibilityId = 'mtsl';
    expect(problemsOf(matrix)).toEqual([
      "cells[0].toolId: unknown tool 'istoi'",
      "cells[1].responsibilityId: unknown responsibility 'mtsl'",
    ]);
  });

  it("rejects a cell for a tool its responsibility's groups do not compare", () => {
    const matrix = copy();
    matrix.cells.push({
      toolId: 'kiali',
      responsibilityId: 'mtls',
      support: 'yes',
    });
    expect(problemsOf(matrix)).toEqual([
      `cells[${
        matrix.cells.length - 1
      }]: no group compares 'kiali' for 'mtls' (add the tool to that responsibility's group, or drop the cell)`,
    ]);
  });

  it('rejects a second cell for the same tool and responsibility', () => {
    const matrix = copy();
    matrix.cells.push({ ...matrix.cells[1] });
    expect(problemsOf(matrix)).toEqual([
      `cells[${
        matrix.cells.length - 1
      }]: duplicate cell istio × protocol-tcp (first at cells[1])`,
    ]);
  });

  it('rejects groups that name unknown tools or responsibilities', () => {
    const matrix = copy();
    matrix.categories[0].groups[0].toolIds.push('envoy');
    matrix.categories[0].groups[1].responsibilityIds.push('dns');
    expect(problemsOf(matrix)).toEqual([
      "categories[0].groups[0].toolIds[5]: unknown tool 'envoy' (add it to tools or remove it here)",
      "categories[0].groups[1].responsibilityIds[5]: unknown responsibility 'dns' (add it to responsibilities or remove it here)",
    ]);
  });

  it('rejects a responsibility that no table shows', () => {
    const matrix = copy();
    matrix.responsibilities.push({
      id: 'dns',
      title: { en: 'DNS', ja: 'DNS' },
    });
    expect(problemsOf(matrix)).toEqual([
      `responsibilities[35]: 'dns' is not listed in any group, so no table shows it`,
    ]);
  });

  it('keeps the baseline honest: it never covers a responsibility and alone has alternatives', () => {
    const matrix = copy();
    const baselineCell = matrix.cells.findIndex(c => c.toolId === 'kubernetes');
    const meshCell = matrix.cells.findIndex(c => c.toolId === 'linkerd');
    matrix.cells[baselineCell].support = 'yes';
    matrix.cells[meshCell].alternative = { en: 'x', ja: 'x' };
    expect(problemsOf(matrix)).toEqual([
      `cells[${baselineCell}].support: the baseline tool never takes a responsibility off the app: use no (with an alternative), unknown or not-applicable, got 'yes'`,
      `cells[${meshCell}].alternative: only the baseline tool's cells carry an alternative ('linkerd' is a mesh tool)`,
    ]);
  });

  it('requires exactly one baseline tool', () => {
    const matrix = copy();
    matrix.tools[1].kind = 'baseline';
    expect(problemsOf(matrix)).toContain(
      "tools: expected exactly one tool of kind 'baseline' (how to do it without a mesh), found 2",
    );
  });

  it('bounds text length', () => {
    const matrix = copy();
    matrix.responsibilities[0].title.en = 'x'.repeat(10_001);
    expect(problemsOf(matrix)).toEqual([
      'responsibilities[0].title.en: text is at most 10000 characters',
    ]);
  });
});

describe('parseMeshMatrix', () => {
  it('returns a valid matrix', () => {
    expect(parseMeshMatrix(copy(), 'test').tools).toHaveLength(8);
  });

  it('throws naming the source and each problem path', () => {
    const matrix = copy() as any;
    matrix.cells[12].support = 'maybe';
    expect(() => parseMeshMatrix(matrix, './my-matrix.yaml')).toThrow(
      new MatrixValidationError('./my-matrix.yaml', [
        {
          path: 'cells[12].support',
          message:
            "expected yes|no|partial|unknown|not-applicable, got 'maybe'",
        },
      ]),
    );
    expect(() => parseMeshMatrix(matrix, './my-matrix.yaml')).toThrow(
      "Invalid mesh matrix in ./my-matrix.yaml:\n  cells[12].support: expected yes|no|partial|unknown|not-applicable, got 'maybe'",
    );
  });

  it('lists at most 20 problems and counts the rest', () => {
    const matrix = copy() as any;
    matrix.cells.forEach((cell: any) => {
      cell.support = 'maybe';
    });
    expect(() => parseMeshMatrix(matrix, 'url')).toThrow(/… and 145 more$/);
  });
});

describe('formatPath', () => {
  it('writes list positions in brackets', () => {
    expect(formatPath(['categories', 2, 'groups', 0, 'toolIds', 3])).toBe(
      'categories[2].groups[0].toolIds[3]',
    );
    expect(formatPath([])).toBe('');
  });
});
