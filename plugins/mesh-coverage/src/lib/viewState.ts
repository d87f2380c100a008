import {
  Language,
  MATRIX_EDITIONS,
  MatrixEdition,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { ComparisonViewState } from './comparisonView';

/** URL parameters of the comparison view, so a view can be shared as a link. */
const PARAM = {
  tools: 'tools',
  diff: 'diff',
  changed: 'changed',
  edition: 'edition',
  filter: 'q',
  language: 'lang',
} as const;

export function readViewState(
  params: URLSearchParams,
  defaultLanguage: Language,
): ComparisonViewState {
  const tools = params.get(PARAM.tools);
  const language = params.get(PARAM.language);
  const edition = params.get(PARAM.edition);
  return {
    tools: tools === null ? undefined : tools.split(',').filter(Boolean),
    differencesOnly: params.get(PARAM.diff) === '1',
    changedOnly: params.get(PARAM.changed) === '1',
    edition: MATRIX_EDITIONS.includes(edition as MatrixEdition)
      ? (edition as MatrixEdition)
      : undefined,
    filter: params.get(PARAM.filter) ?? '',
    language:
      language === 'ja' || language === 'en' ? language : defaultLanguage,
  };
}

/** Writes a view state into URL parameters, leaving defaults out and other parameters alone. */
export function writeViewState(
  params: URLSearchParams,
  state: ComparisonViewState,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) =>
    value === undefined ? next.delete(key) : next.set(key, value);
  set(PARAM.tools, state.tools?.join(','));
  set(PARAM.diff, state.differencesOnly ? '1' : undefined);
  set(PARAM.changed, state.changedOnly ? '1' : undefined);
  set(PARAM.edition, state.edition);
  set(PARAM.filter, state.filter || undefined);
  // Written whenever the view is, so a shared link shows the same language.
  set(PARAM.language, state.language);
  return next;
}

/** Comma-separated ids of a URL parameter (e.g. the recommendation's `need`). */
export function readIdList(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '').split(',').filter(Boolean);
}
