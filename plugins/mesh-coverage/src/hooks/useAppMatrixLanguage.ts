import { useApi } from '@backstage/core-plugin-api';
import { appLanguageApiRef } from '@backstage/core-plugin-api/alpha';
import { Language } from '@meshcoverage/plugin-mesh-coverage-common';
import { useCallback } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { toMatrixLanguage } from '../lib/localize';

/**
 * The matrix language that follows the app's language, and a way to switch the app's language
 * when it offers the other one (so UI strings switch along with the matrix text).
 */
export function useAppMatrixLanguage(): {
  appLanguage: Language;
  switchAppLanguage: (language: Language) => void;
} {
  const languageApi = useApi(appLanguageApiRef);
  const { language } = useObservable(
    languageApi.language$(),
    languageApi.getLanguage(),
  );
  const switchAppLanguage = useCallback(
    (next: Language) => {
      const available = languageApi.getAvailableLanguages().languages;
      const match = available.find(l => toMatrixLanguage(l) === next);
      if (match) {
        languageApi.setLanguage(match);
      }
    },
    [languageApi],
  );
  return { appLanguage: toMatrixLanguage(language), switchAppLanguage };
}
