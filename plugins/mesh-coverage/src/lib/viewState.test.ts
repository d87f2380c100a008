import { readIdList, readViewState, writeViewState } from './viewState';

describe('view state in the URL', () => {
  it('reads defaults from an empty query', () => {
    expect(readViewState(new URLSearchParams(''), 'ja')).toEqual({
      tools: undefined,
      differencesOnly: false,
      changedOnly: false,
      edition: undefined,
      filter: '',
      language: 'ja',
    });
  });

  it('round-trips a shared view and keeps other parameters', () => {
    const state = {
      tools: ['istio', 'linkerd'],
      differencesOnly: true,
      changedOnly: true,
      edition: 'seed' as const,
      filter: 'mTLS 認証',
      language: 'en' as const,
    };
    const params = writeViewState(new URLSearchParams('need=mtls'), state);
    expect(params.get('need')).toBe('mtls');
    expect(readViewState(new URLSearchParams(params.toString()), 'ja')).toEqual(
      state,
    );
  });

  it('ignores an unknown language', () => {
    expect(readViewState(new URLSearchParams('lang=fr'), 'en').language).toBe(
      'en',
    );
  });

  it('ignores an unknown edition', () => {
    expect(
      readViewState(new URLSearchParams('edition=latest'), 'en').edition,
    ).toBeUndefined();
  });

  it('reads an id list', () => {
    expect(
      readIdList(new URLSearchParams('need=mtls,,retries'), 'need'),
    ).toEqual(['mtls', 'retries']);
  });
});
