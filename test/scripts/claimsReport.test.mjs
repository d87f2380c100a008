// `npm run claims:report`: the built-in edition's claims by age, and an operator's overlay checked
// offline with the backend's own errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = resolve(import.meta.dirname, '../..');

function report(...args) {
  return new Promise(done => {
    execFile(
      process.execPath,
      [
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
        'scripts/claimsReport.ts',
        ...args,
      ],
      { cwd: root },
      (error, stdout, stderr) =>
        done({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'claims-report-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

test('lists every dated claim, past the max age first, with each tool’s checked version', async () => {
  // A claim re-read later than the edition's, so that both kinds are in the report.
  const overlay = file(
    'later.yaml',
    [
      'cells:',
      '  - toolId: linkerd',
      '    responsibilityId: jwt-auth',
      '    support: partial',
      '    note: { en: Our own filter, ja: 独自フィルター }',
      '    source: https://linkerd.io/2/reference/authorization-policy/',
      '    verifiedAt: 2027-08-01',
      '    replaces: { support: no }',
    ].join('\n'),
  );
  const { code, stdout, stderr } = await report(
    '--json',
    '--as-of',
    '2027-09-01',
    '--max-age-days',
    '180',
    '--overlay',
    overlay,
  );
  assert.equal(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.edition, 'current');
  assert.ok(result.claims.length > 150);
  assert.deepEqual(
    result.claims
      .filter(c => !c.pastMaxAge)
      .map(c => `${c.toolId}/${c.claim}/${c.ageDays}`),
    ['linkerd/jwt-auth/31'],
  );
  assert.deepEqual(result.claims.at(-1).claim, 'jwt-auth');
  assert.equal(result.pastMaxAge, result.claims.length - 1);
  const kuma = result.claims.find(
    c => c.toolId === 'kuma' && c.claim === 'mtls',
  );
  assert.equal(kuma.sourceHost, 'kuma.io');
  assert.ok(result.versions.find(v => v.toolId === 'kuma').version);
  // On the edition's own day nothing is past the default max age.
  const fresh = JSON.parse(
    (await report('--json', '--as-of', result.editionDate)).stdout,
  );
  assert.equal(fresh.pastMaxAge, 0);
});

test('checks an overlay offline: a valid one is reported with its claims', async () => {
  const overlay = file(
    'ours.yaml',
    [
      'cells:',
      '  - toolId: linkerd',
      '    responsibilityId: jwt-auth',
      '    support: partial',
      '    note: { en: Our own filter, ja: 独自フィルター }',
      '    source: https://linkerd.io/2/reference/authorization-policy/',
      '    verifiedAt: 2026-12-07',
      '    replaces: { support: no }',
    ].join('\n'),
  );
  const { code, stdout, stderr } = await report('--overlay', overlay);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /a valid overlay on the current edition/);
  assert.match(
    stdout,
    /jwt-auth = partial .* linkerd\.io .* from .*ours\.yaml/,
  );
});

test('refuses an invalid overlay with the path inside it and a did-you-mean, exiting non-zero', async () => {
  const overlay = file(
    'typo.yaml',
    [
      'cells:',
      '  - toolId: linkerd2',
      '    responsibilityId: jwt-auths',
      '    support: yes',
      '    source: https://linkerd.io/x',
      '    verifiedAt: 2026-12-07',
      '    replaces: { support: no }',
    ].join('\n'),
  );
  const { code, stderr } = await report('--overlay', overlay);
  assert.equal(code, 1);
  assert.match(stderr, /Invalid mesh overlay in .*typo\.yaml/);
  assert.match(
    stderr,
    /cells\[0\]\.toolId: unknown tool 'linkerd2' \(did you mean 'linkerd'\?\)/,
  );
  assert.match(
    stderr,
    /cells\[0\]\.responsibilityId: unknown responsibility 'jwt-auths' \(did you mean 'jwt-auth'\?\)/,
  );
  const unreadable = await report('--overlay', join(dir, 'missing.yaml'));
  assert.equal(unreadable.code, 1);
  assert.match(
    unreadable.stderr,
    /Could not read the mesh overlay file .*missing\.yaml/,
  );
});
