import fs from 'fs';
import path from 'path';
import { BUILTIN_RESPONSIBILITY_IDS, BUILTIN_TOOL_IDS } from '../model/ids';
import { validateMeshMatrix } from '../schema/validateMeshMatrix';
import { SEED_MATRIX } from './builtinMatrix';
import {
  renderCategory,
  renderGroupTable,
} from '../__testUtils__/renderSeedText';

const seedText = fs.readFileSync(
  path.resolve(__dirname, '../../seed/000_5c2218e7f4c05990.txt'),
  'utf8',
);

/** The source repeats one topology row verbatim; the dataset holds it once (docs/model.md). */
const seedWithoutRepeatedRows = seedText
  .split('\n')
  .filter((line, i, lines) => !(line !== '' && line === lines[i - 1]))
  .join('\n');

/** The text of a numbered section, from its heading to the next one (or the end). */
function seedSection(number: string): string {
  const start = seedWithoutRepeatedRows.indexOf(`\n${number}. `) + 1;
  expect(start).toBeGreaterThan(0);
  const next = seedWithoutRepeatedRows.slice(start).search(/\n\n\n\d\d\. /);
  const section =
    next < 0
      ? seedWithoutRepeatedRows.slice(start)
      : seedWithoutRepeatedRows.slice(start, start + next);
  return section.replace(/\n+$/, '');
}

describe('built-in matrix', () => {
  it('is a valid matrix document', () => {
    const result = validateMeshMatrix(SEED_MATRIX);
    expect(result.valid ? [] : result.problems).toEqual([]);
  });

  it('uses exactly the tool and responsibility ids of docs/model.md, in seed order', () => {
    expect(SEED_MATRIX.tools.map(t => t.id)).toEqual([...BUILTIN_TOOL_IDS]);
    expect(SEED_MATRIX.responsibilities.map(r => r.id)).toEqual([
      ...BUILTIN_RESPONSIBILITY_IDS,
    ]);
    expect(SEED_MATRIX.responsibilities).toHaveLength(35);
    expect(SEED_MATRIX.tools).toHaveLength(8);
  });

  it('lists responsibilities in the same order as its tables', () => {
    const tableOrder = SEED_MATRIX.categories.flatMap(c =>
      c.groups.flatMap(g => g.responsibilityIds),
    );
    expect([...new Set(tableOrder)]).toEqual([...BUILTIN_RESPONSIBILITY_IDS]);
  });

  it('gives each tool its kind', () => {
    expect(
      Object.fromEntries(SEED_MATRIX.tools.map(t => [t.id, t.kind])),
    ).toEqual({
      kubernetes: 'baseline',
      istio: 'mesh',
      linkerd: 'mesh',
      consul: 'mesh',
      'vpc-lattice': 'mesh',
      cilium: 'mesh',
      kiali: 'observability',
      'x-ray': 'observability',
    });
  });

  it('keeps the six numbered sections of the seed as categories', () => {
    const headings = [...seedText.matchAll(/^(0[2-7])\. (.+)$/gm)].map(m => [
      m[1],
      m[2],
    ]);
    expect(SEED_MATRIX.categories.map(c => [c.number, c.title.ja])).toEqual(
      headings,
    );
  });

  it('has as many tables as the seed', () => {
    const seedTables = seedText
      .split('\n')
      .filter(line => line.startsWith('責務 ')).length;
    expect(SEED_MATRIX.categories.flatMap(c => c.groups)).toHaveLength(
      seedTables,
    );
  });

  describe.each(
    SEED_MATRIX.categories.map(c => [`${c.number}. ${c.title.en}`, c] as const),
  )('section %s', (_, category) => {
    it('reproduces every heading, intro, row, cell, note, alternative and mark of the seed', () => {
      expect(renderCategory(SEED_MATRIX, category)).toEqual(
        seedSection(category.number!),
      );
    });

    it.each(category.groups.map(g => [g.id, g] as const))(
      'table %s is found whole in the seed',
      (__, group) => {
        expect(`${seedWithoutRepeatedRows}\n\n`).toContain(
          `\n${renderGroupTable(SEED_MATRIX, group)}\n\n`,
        );
      },
    );
  });

  it('keeps section 01 as the matrix introduction, verbatim', () => {
    expect(SEED_MATRIX.title?.ja).toBe('サービスメッシュの担う責務');
    expect(seedText).toContain(
      `01. ${SEED_MATRIX.title!.ja}\n\n${
        SEED_MATRIX.description!.ja
      }\n\n\n01-02. ツール`,
    );
  });

  it('lists the tools of section 01-02', () => {
    const listed = seedText.split('01-02. ツール')[1].split('\n\n\n')[0].trim();
    const expected = ['istio', 'linkerd', 'consul', 'vpc-lattice'].map(id => {
      const tool = SEED_MATRIX.tools.find(t => t.id === id)!;
      return `  • ${tool.name}${
        tool.description ? ` (${tool.description.ja})` : ''
      }`;
    });
    expect(`  ${listed}`).toBe(expected.join('\n'));
  });

  it('lists mTLS under both authentication (04) and encryption (05) as one responsibility', () => {
    const groupsWithMtls = SEED_MATRIX.categories.flatMap(c =>
      c.groups
        .filter(g => g.responsibilityIds.includes('mtls'))
        .map(() => c.number),
    );
    expect(groupsWithMtls).toEqual(['04', '05']);
    expect(
      SEED_MATRIX.cells.filter(c => c.responsibilityId === 'mtls'),
    ).toHaveLength(5);
  });

  it('holds the duplicated topology row once', () => {
    expect(
      seedText.match(/^サービスメッシュトポロジーをモデリングする /gm),
    ).toHaveLength(2);
    const topology = SEED_MATRIX.categories
      .flatMap(c => c.groups)
      .find(g => g.id === 'topology')!;
    expect(topology.responsibilityIds).toEqual([
      'topology-datapoints',
      'topology-model',
    ]);
  });

  it('leaves the blank topology cell absent rather than inventing a value', () => {
    expect(
      SEED_MATRIX.cells.find(
        c =>
          c.toolId === 'x-ray' && c.responsibilityId === 'topology-datapoints',
      ),
    ).toBeUndefined();
  });

  it('carries the three notes of the seed, in both languages', () => {
    const notes = SEED_MATRIX.cells
      .filter(c => c.note)
      .map(c => [c.toolId, c.responsibilityId, c.note!.ja, c.note!.en]);
    expect(notes).toEqual([
      [
        'istio',
        'mtls',
        '(Spiffeへ置き換えできる)',
        '(replaceable with SPIFFE)',
      ],
      ['istio', 'sidecarless', '(アンビエントメッシュ)', '(ambient mesh)'],
      ['cilium', 'sidecarless', '(カーネルモデル)', '(kernel model)'],
    ]);
  });

  it('marks not-yet-researched cells (記入中...) unknown and "-" not-applicable', () => {
    const count = (support: string) =>
      SEED_MATRIX.cells.filter(c => c.support === support).length;
    expect(count('unknown')).toBe(seedText.split('記入中...').length - 1 - 1); // one repeated row
    expect(count('not-applicable')).toBe(2);
  });

  it('translates every Japanese text into English', () => {
    const texts: { en: string; ja: string }[] = [
      SEED_MATRIX.title!,
      SEED_MATRIX.description!,
      ...SEED_MATRIX.responsibilities.map(r => r.title),
      ...SEED_MATRIX.categories.flatMap(c => [
        c.title,
        ...(c.description ? [c.description] : []),
        ...c.groups.flatMap(
          g =>
            [g.title, g.description].filter(Boolean) as {
              en: string;
              ja: string;
            }[],
        ),
      ]),
      ...SEED_MATRIX.cells.flatMap(
        c =>
          [c.note, c.alternative].filter(Boolean) as {
            en: string;
            ja: string;
          }[],
      ),
    ];
    const untranslated = texts.filter(
      t =>
        /[\u3040-\u30ff\u4e00-\u9faf]/.test(t.ja) &&
        (t.en === t.ja || /[\u3040-\u30ff\u4e00-\u9faf]/.test(t.en)),
    );
    expect(untranslated).toEqual([]);
  });
});
