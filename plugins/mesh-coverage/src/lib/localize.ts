import {
  Language,
  LocalizedText,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** The text in the wanted language (matrix text is always given in both). */
export function localize(
  text: LocalizedText | undefined,
  language: Language,
): string {
  return text ? text[language] : '';
}

/** `ja` for Japanese app languages (`ja`, `ja-JP`), `en` for anything else. */
export function toMatrixLanguage(
  language: string | undefined | null,
): Language {
  return language?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
