// npm run test:adopter — a new adopter's first 15 minutes, as a test: build and pack our six
// packages, scaffold a fresh app with @backstage/create-app (its default template, yarn as it
// ships), install ours by running the commands our READMEs give, type-check, start the app and
// check it in Chromium. A wrong README step fails it. Needs Node 22 or 24 (create-app refuses
// others) and, for better-sqlite3, `npm_config_nodedir` pointing at that Node's headers.
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configBlocks, installSteps, normalizeCode } from './readme.mjs';
import { startRegistry } from './registry.mjs';
import { checkApp } from './checks.mjs';

const CREATE_APP = '@backstage/create-app@0.9.2';
const ROOT = resolve(import.meta.dirname, '../..');
const PLUGINS = [
  'mesh-coverage-common',
  'mesh-coverage-node',
  'mesh-coverage-backend',
  'catalog-backend-module-mesh-coverage',
  'tech-insights-backend-module-mesh-coverage',
  'mesh-coverage',
];
/** The READMEs an adopter follows, in the order of the root README, and their install sections. */
const READMES = [
  ['mesh-coverage-backend', 'Install'],
  ['catalog-backend-module-mesh-coverage', 'Install'],
  ['tech-insights-backend-module-mesh-coverage', 'Install'],
  ['mesh-coverage', 'Install (new frontend system'],
];

// CI=true makes yarn refuse to write the lockfile; an adopter's first install writes it.
process.env.YARN_ENABLE_IMMUTABLE_INSTALLS = 'false';

const work =
  process.env.ADOPTER_WORK ??
  mkdtempSync(join(tmpdir(), 'mesh-coverage-adopter-'));
const app = join(work, 'app');
const started = Date.now();
const log = message =>
  console.log(
    `== [adopter ${Math.round((Date.now() - started) / 1000)} s] ${message}`,
  );

/** Runs a command to its end without blocking this process: the registry answers meanwhile. */
function run(command, args, options = {}) {
  console.log(
    `$ ${[command, ...args].join(' ')}${
      options.cwd ? `   (in ${options.cwd})` : ''
    }`,
  );
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      ...options,
      env: { ...process.env, ...options.env },
    });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0
        ? resolvePromise()
        : reject(
            new Error(`${[command, ...args].join(' ')} exited with ${code}`),
          ),
    );
  });
}
const shell = (line, cwd, env) => run('bash', ['-c', line], { cwd, env });

/**
 * Hours since the Backstage release after the app's was published (plus one): the release of the
 * next minor of `@backstage/backend-defaults` after the one the template asks for.
 */
function hoursSinceNextRelease(dir) {
  const range = JSON.parse(
    readFileSync(join(dir, 'packages/backend/package.json'), 'utf8'),
  ).dependencies['@backstage/backend-defaults'];
  const [major, minor] = range
    .replace(/^[^\d]*/, '')
    .split('.')
    .map(Number);
  const times = JSON.parse(
    execFileSync(
      'npm',
      ['view', '@backstage/backend-defaults', 'time', '--json'],
      { encoding: 'utf8' },
    ),
  );
  const next = Object.entries(times)
    .filter(([version]) => /^\d+\.\d+\.\d+$/.test(version))
    .map(([version, time]) => ({
      version: version.split('.').map(Number),
      time: Date.parse(time),
    }))
    .filter(
      ({ version: [ma, mi] }) => ma > major || (ma === major && mi > minor),
    )
    .sort((a, b) => a.time - b.time)[0];
  if (!next) return 72; // no newer release: the template's own gate (3 days)
  return Math.ceil((Date.now() - next.time) / 3_600_000) + 1;
}

/** Backstage packages an app and its plugins share. */
const SHARED = [
  '@backstage/frontend-plugin-api',
  '@backstage/core-plugin-api',
  '@backstage/core-components',
  '@backstage/plugin-catalog-react',
  '@backstage/backend-plugin-api',
  '@backstage/plugin-catalog-node',
];

/** The versions of each shared package installed anywhere in the app. */
function sharedVersions(dir) {
  return Object.fromEntries(
    SHARED.map(name => [
      name,
      [
        ...new Set(
          execFileSync(
            'find',
            [dir, '-path', `*/node_modules/${name}/package.json`],
            { encoding: 'utf8' },
          )
            .split('\n')
            .filter(Boolean)
            .map(file => JSON.parse(readFileSync(file, 'utf8')).version),
        ),
      ].sort(),
    ]),
  );
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22 && major !== 24) {
    throw new Error(
      `create-app needs Node 22 or 24; this is ${process.version} (.ci/run installs them)`,
    );
  }
  log(`work directory ${work}`);

  // 1. Build and pack, as a release would.
  await run('npm', ['run', 'tsc'], { cwd: ROOT });
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  for (const plugin of PLUGINS) {
    await run('npm', ['run', 'build', '--workspace', `plugins/${plugin}`], {
      cwd: ROOT,
    });
    await run(
      'npm',
      [
        'pack',
        '--workspace',
        `plugins/${plugin}`,
        '--pack-destination',
        tarballs,
        '--silent',
      ],
      { cwd: ROOT },
    );
  }
  const registry = await startRegistry(tarballs, {
    releaseVersion: process.env.ADOPTER_RELEASE ?? '1.56.0',
  });
  log(`packed ${registry.packages.join(', ')}; served at ${registry.url}`);

  try {
    // 2. Scaffold. create-app checks that yarn exists; the template brings its own yarn release.
    mkdirSync(app, { recursive: true });
    const tools = join(work, 'tools');
    await run('npm', [
      'install',
      '--prefix',
      tools,
      '--no-audit',
      '--no-fund',
      '--silent',
      'yarn@1',
    ]);
    process.env.PATH = `${join(tools, 'node_modules/.bin')}:${
      process.env.PATH
    }`;
    await run('npx', ['--yes', CREATE_APP, '--path', app, '--skip-install'], {
      cwd: work,
      env: { BACKSTAGE_APP_NAME: 'adopter' },
    });
    // create-app pins an app to its Backstage release with a yarn.lock seed it downloads from
    // GitHub; offline that fails (it says so and goes on), and every range would take the newest
    // release. For the first install the template's own minimum-age gate stands in for the seed:
    // nothing published since the next release came out, Backstage packages included. Then the
    // template's settings come back, so our READMEs' `yarn add` runs as it would for an adopter.
    const yarnrcPath = join(app, '.yarnrc.yml');
    const template = readFileSync(yarnrcPath, 'utf8');
    const scope = `npmScopes:\n  meshcoverage:\n    npmRegistryServer: "${registry.url}"\nunsafeHttpWhitelist:\n  - "127.0.0.1"\n`;
    writeFileSync(
      yarnrcPath,
      template
        .replace(
          /^npmMinimalAgeGate: .*$/m,
          `npmMinimalAgeGate: ${hoursSinceNextRelease(app)}h`,
        )
        .replace(
          /^npmPreapprovedPackages:\n(  - .*\n)+/m,
          'npmPreapprovedPackages: []\n',
        ) + scope,
    );
    await shell('yarn install', app);
    // Our scope from the local registry, packed just now: approved past the gate like @backstage/*.
    writeFileSync(
      yarnrcPath,
      template.replace(
        /^npmPreapprovedPackages:\n/m,
        "npmPreapprovedPackages:\n  - '@meshcoverage/*'\n",
      ) + scope,
    );
    const before = sharedVersions(app);
    log(
      `scaffolded and installed; shared Backstage versions: ${JSON.stringify(
        before,
      )}`,
    );

    // 3. Our READMEs, step by step.
    const backendIndex = join(app, 'packages/backend/src/index.ts');
    for (const [plugin, heading] of READMES) {
      const readme = join(ROOT, 'plugins', plugin, 'README.md');
      const { yarn, backendAdds } = installSteps(readme, heading);
      for (const line of yarn) {
        await shell(line, app, { BACKSTAGE_VERSIONS_BASE_URL: registry.url });
      }
      const index = readFileSync(backendIndex, 'utf8');
      const missing = backendAdds.filter(
        statement => !normalizeCode(index).includes(normalizeCode(statement)),
      );
      if (missing.length) {
        writeFileSync(
          backendIndex,
          index.replace(
            'backend.start();',
            `${missing.join('\n')}\n\nbackend.start();`,
          ),
        );
      }
    }
    for (const block of configBlocks(
      join(
        ROOT,
        'plugins/tech-insights-backend-module-mesh-coverage/README.md',
      ),
    )) {
      appendFileSync(join(app, 'app-config.yaml'), `\n${block}`);
    }
    // A component of the adopter's, annotated as docs/annotations.md says.
    appendFileSync(
      join(app, 'examples/entities.yaml'),
      readFileSync(join(import.meta.dirname, 'component.yaml'), 'utf8'),
    );
    log('installed by the READMEs');
    // After the READMEs' version bump our packages use the app's copy of each shared package
    // (other plugins may still pin older ones: the community jsonfc module wants catalog-node 2).
    const after = sharedVersions(app);
    for (const name of SHARED) {
      log(
        `${name}: the app had ${before[name].join(', ')}; now ${after[
          name
        ].join(', ')}`,
      );
    }
    const ownCopies = execFileSync(
      'find',
      [
        join(app, 'node_modules/@meshcoverage'),
        '-path',
        '*/node_modules/@backstage/*/package.json',
      ],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(file =>
        SHARED.some(name =>
          file.endsWith(`/node_modules/${name}/package.json`),
        ),
      );
    if (ownCopies.length) {
      throw new Error(
        `our packages brought their own copies:\n  ${ownCopies.join('\n  ')}`,
      );
    }

    await shell('yarn tsc', app);
    log('type-checked');

    // 4. Start it and look, with the facts collected every minute instead of every 15.
    await checkApp(app, {
      APP_CONFIG_techInsights_factRetrievers_meshCoverageFactRetriever_cadence:
        JSON.stringify('* * * * *'),
    });
    log('passed');
  } finally {
    await registry.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
