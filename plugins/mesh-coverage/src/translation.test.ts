import { meshCoverageTranslationRef } from './translation';
import ja from './translations/ja';

const en = (
  meshCoverageTranslationRef as unknown as {
    getDefaultMessages(): Record<string, string>;
  }
).getDefaultMessages();
const jaMessages: Record<string, string> = ja;

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map(m => m[1]).sort();

/** `{{name}}` replaced as i18next does it, for reading a composed ja sentence. */
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/{{\s*(\w+)\s*}}/g, (_, name) => String(values[name]));

describe('meshCoverageTranslationRef', () => {
  it('has a Japanese text for every English one, with the same placeholders', () => {
    expect(Object.keys(jaMessages).sort()).toEqual(Object.keys(en).sort());
    const mismatched = Object.entries(en)
      .filter(
        ([key, text]) =>
          placeholders(jaMessages[key]).join() !== placeholders(text).join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('composes the adoption case in Japanese (one plural form)', () => {
    const plural = (key: string, count: number) =>
      fill(jaMessages[`fleet.adoption.${key}_other`], { count });
    expect(
      fill(jaMessages['fleet.adoption.sentence'], {
        mesh: 'Linkerd',
        implementations: plural('implementations', 37),
        teams: plural('teams', 9),
        closed: plural('gaps', 12),
        opened: 3,
      }),
    ).toBe(
      'Linkerd に移行すると、9 チームから 37 件の実装が不要になり、未対応が 12 件解消し、3 件新たに生じます。',
    );
  });
});
