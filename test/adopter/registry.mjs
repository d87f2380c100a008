// A registry for the packed tarballs only: the adopter test points create-app's yarn at it for the
// @meshcoverage scope (everything else comes from the npm registry), so the READMEs' install
// commands run exactly as written, by package name.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

function packument(file, baseUrl) {
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const bytes = readFileSync(file);
  const published = statSync(file).mtime.toISOString();
  const tarball = `${baseUrl}/-/${encodeURIComponent(manifest.name)}/${
    manifest.version
  }.tgz`;
  return {
    file,
    body: {
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: {
        [manifest.version]: {
          ...manifest,
          _id: `${manifest.name}@${manifest.version}`,
          dist: {
            tarball,
            shasum: createHash('sha1').update(bytes).digest('hex'),
            integrity: `sha512-${createHash('sha512')
              .update(bytes)
              .digest('base64')}`,
          },
        },
      },
      time: {
        created: published,
        modified: published,
        [manifest.version]: published,
      },
    },
  };
}

/**
 * Serves every `*.tgz` in `dir`, and a stand-in for versions.backstage.io (out of reach here) for
 * `backstage-cli versions:bump`: a release manifest naming `releaseVersion` and no packages, so the
 * command takes each Backstage package's `latest` from the npm registry — the current release.
 * Resolves to `{ url, close }`.
 */
export async function startRegistry(dir, { releaseVersion = '0.0.0' } = {}) {
  const server = createServer();
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const packages = new Map(
    readdirSync(dir)
      .filter(name => name.endsWith('.tgz'))
      .map(name => packument(join(dir, name), url))
      .map(entry => [entry.body.name, entry]),
  );
  server.on('request', (req, res) => {
    const path = decodeURIComponent(new URL(req.url, url).pathname);
    if (path === '/v1/tags/main/manifest.json') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ releaseVersion, packages: [] }));
      return;
    }
    const tarball = path.match(/^\/-\/(.+)\/[^/]+\.tgz$/);
    const entry = packages.get(tarball ? tarball[1] : path.slice(1));
    if (!entry) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"not found"}');
    } else if (tarball) {
      res
        .writeHead(200, { 'content-type': 'application/octet-stream' })
        .end(readFileSync(entry.file));
    } else {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(entry.body));
    }
  });
  return {
    url,
    packages: [...packages.keys()],
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
