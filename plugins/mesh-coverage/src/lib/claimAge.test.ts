import { claimAgeInDays, formatClaimAge, isAgeing } from './claimAge';

const now = new Date('2026-12-01T09:00:00Z');

describe('claim age', () => {
  it('counts whole days since the claim was checked', () => {
    expect(claimAgeInDays('2026-12-01', now)).toBe(0);
    expect(claimAgeInDays('2026-11-01', now)).toBe(30);
    expect(claimAgeInDays(undefined, now)).toBeUndefined();
    expect(claimAgeInDays('not a date', now)).toBeUndefined();
  });

  it('flags claims checked more than twelve months ago as ageing', () => {
    expect(isAgeing('2025-12-02', now)).toBe(false);
    expect(isAgeing('2025-11-30', now)).toBe(true);
    expect(isAgeing(undefined, now)).toBe(false);
  });

  it('says how long ago in the matrix language', () => {
    expect(formatClaimAge(0, 'en')).toBe('today');
    expect(formatClaimAge(3, 'en')).toBe('3 days ago');
    expect(formatClaimAge(75, 'en')).toBe('2 months ago');
    expect(formatClaimAge(800, 'en')).toBe('2 years ago');
    expect(formatClaimAge(3, 'ja')).toBe('3 日前');
  });
});
