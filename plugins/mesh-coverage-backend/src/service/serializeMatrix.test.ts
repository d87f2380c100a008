import { gunzipSync } from 'zlib';
import {
  builtinEdition,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { LoadedMatrix } from '@meshcoverage/plugin-mesh-coverage-node';
import { serializeMatrix } from './serializeMatrix';

const { matrix, date } = builtinEdition('current');
const loaded: LoadedMatrix = {
  matrix,
  index: indexMatrix(matrix),
  meta: {
    source: 'built-in',
    edition: 'current',
    loadedAt: '2026-12-07T00:00:00.000Z',
    version: 'abc',
  },
};
const body = (serialized: ReturnType<typeof serializeMatrix>) =>
  JSON.parse(gunzipSync(serialized.representations.gzip.body).toString('utf8'));
const dayAfter = (days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 24 * 3600 * 1000);

describe('serializeMatrix', () => {
  it('serves the max age in meta and marks no claim on the edition’s own day', () => {
    const served = body(serializeMatrix(loaded, 180, dayAfter(0)));
    expect(served.meta.claimMaxAge).toEqual({ days: 180 });
    expect(served.cells.filter((c: any) => c.recheck)).toEqual([]);
  });

  it('marks every dated claim once it is older than the max age, tool facts too', () => {
    const served = body(serializeMatrix(loaded, 180, dayAfter(181)));
    const dated = served.cells.filter((c: any) => c.verifiedAt);
    expect(dated.length).toBeGreaterThan(100);
    expect(dated.every((c: any) => c.recheck === true)).toBe(true);
    // The source document's own cells carry no date and no mark.
    expect(served.cells.filter((c: any) => !c.verifiedAt && c.recheck)).toEqual(
      [],
    );
    const kuma = served.tools.find((t: any) => t.id === 'kuma');
    expect(kuma.profile.version.recheck).toBe(true);
  });

  it('gives a new body and ETag when the day changes, the same within a day', () => {
    const morning = serializeMatrix(loaded, 180, dayAfter(181));
    const evening = serializeMatrix(
      loaded,
      180,
      new Date(dayAfter(181).getTime() + 3 * 3600 * 1000),
    );
    const next = serializeMatrix(loaded, 180, dayAfter(182));
    expect(evening).toBe(morning);
    expect(next.representations.identity.etag).not.toBe(
      morning.representations.identity.etag,
    );
  });

  it('serves each max age its own body, for backends sharing a built-in edition in one process', () => {
    const strict = body(serializeMatrix(loaded, 30, dayAfter(60)));
    const lenient = body(serializeMatrix(loaded, 90, dayAfter(60)));
    expect(strict.meta.claimMaxAge).toEqual({ days: 30 });
    expect(lenient.meta.claimMaxAge).toEqual({ days: 90 });
    expect(strict.cells.some((c: any) => c.recheck)).toBe(true);
    expect(lenient.cells.some((c: any) => c.recheck)).toBe(false);
  });
});
