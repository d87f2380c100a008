import { safeHttpUrl } from './safeUrl';

describe('safeHttpUrl', () => {
  it('keeps http and https URLs', () => {
    expect(safeHttpUrl('https://istio.io/latest/docs/')).toBe(
      'https://istio.io/latest/docs/',
    );
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
  });

  it('drops every other scheme and non-URLs', () => {
    expect(safeHttpUrl(['javascript', 'alert(1)'].join(':'))).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHttpUrl('/relative/path')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});
