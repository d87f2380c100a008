import { formatClaimAge } from './claimAge';

describe('claim age', () => {
  it('says how long ago in the matrix language', () => {
    expect(formatClaimAge(0, 'en')).toBe('today');
    expect(formatClaimAge(3, 'en')).toBe('3 days ago');
    expect(formatClaimAge(75, 'en')).toBe('2 months ago');
    expect(formatClaimAge(800, 'en')).toBe('2 years ago');
    expect(formatClaimAge(3, 'ja')).toBe('3 日前');
  });
});
