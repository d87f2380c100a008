import { z } from 'zod';
import { KEBAB_CASE_ID } from '../model/ids';
import { SUPPORT_VALUES, TOOL_KINDS } from '../model/types';

// Bounds keep a hostile or broken document from costing unbounded memory downstream.
const MAX_TEXT = 10_000;
const MAX_ID = 64;

const quoted = (input: unknown) =>
  typeof input === 'string' ? `'${input}'` : JSON.stringify(input) ?? 'nothing';

const id = z
  .string({ error: iss => `expected an id string, got ${quoted(iss.input)}` })
  .max(MAX_ID, { error: `ids are at most ${MAX_ID} characters` })
  .regex(KEBAB_CASE_ID, {
    error: iss =>
      `${quoted(iss.input)} is not a kebab-case id (lower-case letters, digits and single dashes, e.g. 'vpc-lattice')`,
  });

const text = z
  .string({ error: iss => `expected a string, got ${quoted(iss.input)}` })
  .max(MAX_TEXT, { error: `text is at most ${MAX_TEXT} characters` });

/** Object-level messages only replace the type error; unknown keys are worded by the formatter. */
const objectError = (expected: string) => (iss: { code?: string; input?: unknown }) =>
  iss.code === 'invalid_type' ? `expected ${expected}, got ${quoted(iss.input)}` : undefined;

const localizedText = z.strictObject(
  { en: text.min(1, 'must not be empty'), ja: text.min(1, 'must not be empty') },
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
  { error: iss => `expected an http(s) URL, got ${quoted(iss.input)}` },
);

const isoDate = text.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, {
  error: iss => `expected an ISO date like 2026-01-31, got ${quoted(iss.input)}`,
});

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: iss => `expected a list of ${what}, got ${quoted(iss.input)}` });

export const meshToolSchema = z.strictObject({
  id,
  name: text.min(1, 'must not be empty'),
  kind: z.enum(TOOL_KINDS as [string, ...string[]], {
    error: iss => `expected ${TOOL_KINDS.join('|')}, got ${quoted(iss.input)}`,
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
  responsibilityIds: list(id, 'responsibility ids').min(1, 'a group lists at least one responsibility'),
});

export const matrixCategorySchema = z.strictObject({
  id,
  number: text.optional(),
  title: localizedText,
  description: localizedText.optional(),
  groups: list(matrixGroupSchema, 'groups').min(1, 'a category holds at least one group'),
});

export const matrixCellSchema = z.strictObject({
  toolId: id,
  responsibilityId: id,
  support: z.enum(SUPPORT_VALUES as [string, ...string[]], {
    error: iss => `expected ${SUPPORT_VALUES.join('|')}, got ${quoted(iss.input)}`,
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
    tools: list(meshToolSchema, 'tools').min(1, 'a matrix compares at least one tool'),
    categories: list(matrixCategorySchema, 'categories').min(1, 'a matrix has at least one category'),
    responsibilities: list(responsibilitySchema, 'responsibilities').min(1, 'a matrix has at least one responsibility'),
    cells: list(matrixCellSchema, 'cells'),
  },
  { error: objectError('a matrix document { tools, categories, responsibilities, cells }') },
);
