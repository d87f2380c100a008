import { z } from 'zod';
import {
  fromZodIssue,
  MatrixIndex,
  suggestId,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** One thing wrong with an operator's probe rows, at its path inside them. */
type MatrixProblem = ReturnType<typeof fromZodIssue>;
import { ConfigProbe } from './types';

const text = z.string().min(1).max(2000);
const kind = z.strictObject({
  group: z.string().max(253),
  version: text,
  plural: text,
  kind: text,
});
const condition = z
  .strictObject({
    path: text.optional(),
    annotation: text.optional(),
    label: text.optional(),
    contains: text.optional(),
    exists: z.boolean().optional(),
    in: z.array(z.string().max(253)).max(50).optional(),
  })
  .refine(c => [c.path, c.annotation, c.label].filter(Boolean).length === 1, {
    error: 'give one of path, annotation or label',
  });
const selection = z.discriminatedUnion(
  'by',
  [
    z.strictObject({
      by: z.literal('workload-selector'),
      path: text,
      rootNamespace: text.optional(),
    }),
    z.strictObject({ by: z.literal('service-host'), path: text }),
    z.strictObject({ by: z.literal('service-parent-ref') }),
    z.strictObject({ by: z.literal('service') }),
    z.strictObject({ by: z.literal('service-name'), path: text.optional() }),
    z.strictObject({ by: z.literal('workload-namespace') }),
    z.strictObject({ by: z.literal('kuma-target-ref') }),
    z.strictObject({ by: z.literal('namespace') }),
    z.strictObject({ by: z.literal('cluster') }),
  ],
  {
    error: iss =>
      `expected by: workload-selector | service-host | service-parent-ref | service | service-name | workload-namespace | kuma-target-ref | namespace | cluster, got ${JSON.stringify(
        (iss.input as { by?: unknown })?.by,
      )}`,
  },
);
const resource = z.strictObject({
  kind,
  selects: selection,
  // Empty only for an exclusive resource: present, it turns the responsibility off.
  on: z.array(condition).max(20),
  off: z.array(condition).max(20).optional(),
  precedence: z.number().int().min(0).max(100).optional(),
  exclusive: z.boolean().optional(),
  defaultNamePrefix: text.optional(),
});

/** The shape of a configuration probe, as operators write one in config. */
const configProbeSchema = z.strictObject({
  mesh: text,
  responsibilityId: text,
  default: z.enum(['on', 'off'], {
    error: iss => `expected on | off, got ${JSON.stringify(iss.input)}`,
  }),
  resources: z.array(resource).max(20),
  fix: z.string().max(10_000).optional(),
  // One text serves both languages where an operator writes only one.
  description: z
    .union([text, z.strictObject({ en: text, ja: text })])
    .transform(d => (typeof d === 'string' ? { en: d, ja: d } : d)),
  sources: z.array(z.url({ protocol: /^https$/ })).max(20),
});

/**
 * Validates probe rows (an operator's, from `meshCoverage.configured.probes`): the shape, and mesh
 * and responsibility ids the matrix has (with a did-you-mean). Never throws.
 *
 * @public
 */
export function parseConfigProbes(
  rows: unknown,
  index: MatrixIndex,
): { probes: ConfigProbe[]; problems: MatrixProblem[] } {
  const parsed = z.array(configProbeSchema).safeParse(rows);
  if (!parsed.success) {
    return { probes: [], problems: parsed.error.issues.map(fromZodIssue) };
  }
  const problems: MatrixProblem[] = [];
  const responsibilityIds = index.matrix.responsibilities.map(r => r.id);
  parsed.data.forEach((probe, i) => {
    const check = (field: string, value: string, valid: readonly string[]) => {
      if (!valid.includes(value)) {
        const suggestion = suggestId(value, valid);
        problems.push({
          path: `[${i}].${field}`,
          message: `unknown ${
            field === 'mesh' ? 'mesh' : 'responsibility'
          } '${value}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        });
      }
    };
    check('mesh', probe.mesh, index.meshIds);
    check('responsibilityId', probe.responsibilityId, responsibilityIds);
  });
  return { probes: parsed.data as ConfigProbe[], problems };
}

/**
 * The probes in force: the built-in ones, each replaced by an operator's row for the same mesh and
 * responsibility, and the operator's other rows added.
 *
 * @public
 */
export function mergeConfigProbes(
  builtin: readonly ConfigProbe[],
  own: readonly ConfigProbe[],
): ConfigProbe[] {
  const key = (p: ConfigProbe) => `${p.mesh}/${p.responsibilityId}`;
  const replaced = new Set(own.map(key));
  return [...builtin.filter(p => !replaced.has(key(p))), ...own];
}
