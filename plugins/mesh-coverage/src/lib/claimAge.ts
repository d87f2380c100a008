import { Language } from '@meshcoverage/plugin-mesh-coverage-common';

/** A claim checked longer ago than this is flagged as ageing. */
export const AGEING_AFTER_MONTHS = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from a claim's `verifiedAt` (a day or an ISO time) to `now`; undefined if unreadable. */
export function claimAgeInDays(
  verifiedAt: string | undefined,
  now: Date,
): number | undefined {
  const checked = verifiedAt ? Date.parse(verifiedAt) : NaN;
  return Number.isNaN(checked)
    ? undefined
    : Math.max(0, Math.floor((now.getTime() - checked) / DAY_MS));
}

/** Whether a claim was checked more than {@link AGEING_AFTER_MONTHS} months before `now`. */
export function isAgeing(verifiedAt: string | undefined, now: Date): boolean {
  if (!verifiedAt) {
    return false;
  }
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - AGEING_AFTER_MONTHS);
  return Date.parse(verifiedAt) < limit.getTime();
}

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
