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

/** A bounded string whose type error says what was expected. */
const textOf = (expected: string) =>
  z
    .string({ error: iss => expectedGot(expected, iss.input) })
    .max(MAX_TEXT, { error: `text is at most ${MAX_TEXT} characters` });

/** A calendar day that exists (`2026-02-30` is refused), for the day a claim was checked. */
const day = textOf('a day like 2026-01-31').refine(
  value =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  { error: iss => expectedGot(`a day like 2026-01-31`, iss.input) },
);

const httpsUrl = textOf('an https URL').refine(
  value => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: iss => expectedGot(`an https URL`, iss.input) },
);

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: iss => expectedGot(`a list of ${what}`, iss.input) });

const toolFact = z.strictObject(
  { text: localizedText, source: httpsUrl, verifiedAt: day },
  { error: objectError('{ text, source, verifiedAt }') },
);

const toolProfileFields = {
  licence: toolFact.optional(),
  governance: toolFact.optional(),
  version: toolFact.optional(),
  status: toolFact.optional(),
};

const meshToolSchema = z.strictObject({
  id,
  name: text.min(1, 'must not be empty'),
  kind: z.enum(TOOL_KINDS as [string, ...string[]], {
    error: iss => expectedGot(`${TOOL_KINDS.join('|')}`, iss.input),
  }),
  description: localizedText.optional(),
  profile: z.strictObject(toolProfileFields).optional(),
});

const responsibilitySchema = z.strictObject({
  id,
  title: localizedText,
  description: localizedText.optional(),
});

const matrixGroupSchema = z.strictObject({
  id,
  title: localizedText.optional(),
  description: localizedText.optional(),
  toolIds: list(id, 'tool ids').min(1, 'a group compares at least one tool'),
  responsibilityIds: list(id, 'responsibility ids').min(
    1,
    'a group lists at least one responsibility',
  ),
});

const matrixCategorySchema = z.strictObject({
  id,
  number: text.optional(),
  title: localizedText,
  description: localizedText.optional(),
  groups: list(matrixGroupSchema, 'groups').min(
    1,
    'a category holds at least one group',
  ),
});

const support = z.enum(SUPPORT_VALUES as [string, ...string[]], {
  error: iss => expectedGot(`${SUPPORT_VALUES.join('|')}`, iss.input),
});

const cellValueFields = {
  support,
  note: localizedText.optional(),
  alternative: localizedText.optional(),
  since: text.max(64).optional(),
  source: httpUrl.optional(),
  verifiedAt: isoDate.optional(),
};

const cellValue = z.strictObject(cellValueFields, {
  error: objectError('a cell value { support, note?, alternative? }'),
});

const matrixCellSchema = z.strictObject({
  toolId: id,
  responsibilityId: id,
  ...cellValueFields,
  replaces: cellValue.nullable().optional(),
});

/**
 * One claim of an overlay: a cell's new value with its https source and the day it was checked, and
 * the value it replaces (`null` when the base matrix does not compare the tool there).
 */
const cellClaimSchema = z.strictObject({
  toolId: id,
  responsibilityId: id,
  support,
  note: localizedText.optional(),
  alternative: localizedText.optional(),
  since: text.min(1).max(64).optional(),
  source: httpsUrl,
  verifiedAt: day,
  replaces: z.union([cellValue, z.null()], {
    error: iss =>
      iss.input === undefined
        ? 'missing: state the value this claim replaces ({ support, note?, alternative? }, or null for a cell the base lacks)'
        : expectedGot('{ support, note?, alternative? } or null', iss.input),
  }),
});

/**
 * Sourced facts about one tool: its licence, governance, checked version and support status. A
 * tool the base lacks is added by a claim that also gives its `name` and `kind`.
 */
const toolClaimSchema = z.strictObject({
  toolId: id,
  name: text.min(1, 'must not be empty').optional(),
  kind: meshToolSchema.shape.kind.optional(),
  description: localizedText.optional(),
  ...toolProfileFields,
});

/** The shape of an overlay: sourced claims applied on top of a matrix, in order. */
export const matrixOverlaySchema = z.strictObject(
  {
    /** What the overlay is, e.g. "Our Consul Enterprise 1.21". */
    description: localizedText.optional(),
    /** The day its claims were last checked as a whole. */
    date: day.optional(),
    tools: list(toolClaimSchema, 'tool claims').optional(),
    cells: list(cellClaimSchema, 'cell claims'),
  },
  {
    error: objectError(
      'a matrix overlay { cells, tools?, description?, date? }',
    ),
  },
);

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
