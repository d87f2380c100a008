import { z } from 'zod';
import { KEBAB_CASE_ID } from '../model/ids';
import { SUPPORT_VALUES, TOOL_KINDS } from '../model/types';

// Bounds keep a hostile or broken document from costing unbounded memory downstream.
const MAX_TEXT = 10_000;
const MAX_ID = 64;

const quoted = (input: unknown) =>
  typeof input === 'string' ? `'${input}'` : JSON.stringify(input);

/** `expected X, got Y`, or `missing (expected X)` for an absent field. */
const expectedGot = (expected: string, input: unknown) =>
  input === undefined
    ? `missing (expected ${expected})`
    : `expected ${expected}, got ${quoted(input)}`;

const id = z
  .string({ error: iss => expectedGot(`an id string`, iss.input) })
  .max(MAX_ID, { error: `ids are at most ${MAX_ID} characters` })
  .regex(KEBAB_CASE_ID, {
    error: iss =>
      `${quoted(
        iss.input,
      )} is not a kebab-case id (lower-case letters, digits and single dashes, e.g. 'vpc-lattice')`,
  });

const text = z
  .string({ error: iss => expectedGot(`a string`, iss.input) })
  .max(MAX_TEXT, { error: `text is at most ${MAX_TEXT} characters` });

/** Object-level messages only replace the type error; unknown keys are worded by the formatter. */
const objectError =
  (expected: string) => (iss: { code?: string; input?: unknown }) =>
    iss.code === 'invalid_type'
      ? expectedGot(`${expected}`, iss.input)
      : undefined;

const localizedText = z.strictObject(
  {
    en: text.min(1, 'must not be empty'),
    ja: text.min(1, 'must not be empty'),
  },
  { error: objectError('{ en, ja } text') },
);

const httpUrl = text.refine(
  value => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: iss => expectedGot(`an http(s) URL`, iss.input) },
);

const isoDate = text.regex(
  /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/,
  {
    error: iss => expectedGot(`an ISO date like 2026-01-31`, iss.input),
  },
);

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: iss => expectedGot(`a list of ${what}`, iss.input) });

export const meshToolSchema = z.strictObject({
  id,
  name: text.min(1, 'must not be empty'),
  kind: z.enum(TOOL_KINDS as [string, ...string[]], {
    error: iss => expectedGot(`${TOOL_KINDS.join('|')}`, iss.input),
  }),
  description: localizedText.optional(),
});

export const responsibilitySchema = z.strictObject({
  id,
  title: localizedText,
  description: localizedText.optional(),
});

export const matrixGroupSchema = z.strictObject({
  id,
  title: localizedText.optional(),
  description: localizedText.optional(),
  toolIds: list(id, 'tool ids').min(1, 'a group compares at least one tool'),
  responsibilityIds: list(id, 'responsibility ids').min(
    1,
    'a group lists at least one responsibility',
  ),
});

export const matrixCategorySchema = z.strictObject({
  id,
  number: text.optional(),
  title: localizedText,
  description: localizedText.optional(),
  groups: list(matrixGroupSchema, 'groups').min(
    1,
    'a category holds at least one group',
  ),
});

export const matrixCellSchema = z.strictObject({
  toolId: id,
  responsibilityId: id,
  support: z.enum(SUPPORT_VALUES as [string, ...string[]], {
    error: iss => expectedGot(`${SUPPORT_VALUES.join('|')}`, iss.input),
  }),
  note: localizedText.optional(),
  alternative: localizedText.optional(),
  since: text.max(64).optional(),
  source: httpUrl.optional(),
  verifiedAt: isoDate.optional(),
});

/** The shape of a matrix document; cross-references are checked by `validateMeshMatrix`. */
export const meshMatrixSchema = z.strictObject(
  {
    title: localizedText.optional(),
    description: localizedText.optional(),
    tools: list(meshToolSchema, 'tools').min(
      1,
      'a matrix compares at least one tool',
    ),
    categories: list(matrixCategorySchema, 'categories').min(
      1,
      'a matrix has at least one category',
    ),
    responsibilities: list(responsibilitySchema, 'responsibilities').min(
      1,
      'a matrix has at least one responsibility',
    ),
    cells: list(matrixCellSchema, 'cells'),
  },
  {
    error: objectError(
      'a matrix document { tools, categories, responsibilities, cells }',
    ),
  },
);
