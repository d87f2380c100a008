import { Language } from '@meshcoverage/plugin-mesh-coverage-common';

/** "3 days ago", "2 months ago", "1 year ago" (or 「3 日前」) in the matrix language. */
export function formatClaimAge(days: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (days < 31) {
    return format.format(-days, 'day');
  }
  if (days < 365) {
    return format.format(-Math.floor(days / 30.4375), 'month');
  }
  return format.format(-Math.floor(days / 365.25), 'year');
}
