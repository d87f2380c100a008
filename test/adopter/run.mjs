// npm run test:adopter — a new adopter's first 15 minutes, as a test: build and pack our six
// packages, scaffold a fresh app with @backstage/create-app (its default template, yarn as it
// ships), install ours by running the commands our READMEs give, type-check, start the app and
// check it in Chromium. A wrong README step fails it. Needs Node 22 or 24 (create-app refuses
// others) and, for better-sqlite3, `npm_config_nodedir` pointing at that Node's headers.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configBlocks, installSteps } from './readme.mjs';
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

const work = process.env.ADOPTER_WORK ?? mkdtempSync(join(tmpdir(), 'mesh-coverage-adopter-'));
const app = join(work, 'app');
const started = Date.now();
const log = message => console.log(`== [adopter ${Math.round((Date.now() - started) / 1000)} s] ${message}`);

/** Runs a command to its end without blocking this process: the registry answers meanwhile. */
function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0 ? resolvePromise() : reject(new Error(`${[command, ...args].join(' ')} exited with ${code}`)),
    );
  });
}
const shell = (line, cwd) => run('bash', ['-c', line], { cwd });

/** Packages an app must hold once: ours take the versions create-app scaffolded. */
const SHARED = [
  '@backstage/frontend-plugin-api',
  '@backstage/core-plugin-api',
  '@backstage/core-components',
  '@backstage/plugin-catalog-react',
  '@backstage/backend-plugin-api',
  '@backstage/plugin-catalog-node',
];

function assertOneCopyEach(dir) {
  for (const name of SHARED) {
    const copies = execFileSync('find', [dir, '-path', `*/node_modules/${name}/package.json`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(file => `${JSON.parse(readFileSync(file, 'utf8')).version} (${file.slice(dir.length + 1)})`);
    if (copies.length !== 1) {
      throw new Error(`${name}: ${copies.length} copies after following the READMEs:\n  ${copies.join('\n  ')}`);
    }
    log(`${name}: one copy, ${copies[0]}`);
  }
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22 && major !== 24) {
    throw new Error(`create-app needs Node 22 or 24; this is ${process.version} (.ci/run installs them)`);
  }
  log(`work directory ${work}`);

  // 1. Build and pack, as a release would.
  await run('npm', ['run', 'tsc'], { cwd: ROOT });
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  for (const plugin of PLUGINS) {
    await run('npm', ['run', 'build', '--workspace', `plugins/${plugin}`], { cwd: ROOT });
    await run('npm', ['pack', '--workspace', `plugins/${plugin}`, '--pack-destination', tarballs, '--silent'], { cwd: ROOT });
  }
  const registry = await startRegistry(tarballs);
  log(`packed ${registry.packages.join(', ')}; served at ${registry.url}`);

  try {
    // 2. Scaffold. create-app checks that yarn exists; the template brings its own yarn release.
    mkdirSync(app, { recursive: true });
    const tools = join(work, 'tools');
    await run('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--silent', 'yarn@1']);
    process.env.PATH = `${join(tools, 'node_modules/.bin')}:${process.env.PATH}`;
    await run('npx', ['--yes', CREATE_APP, '--path', app, '--skip-install'], {
      cwd: work,
      env: { BACKSTAGE_APP_NAME: 'adopter' },
    });
    // Our scope from the local registry, everything else from npm; packed just now, so past
    // the template's minimum-age gate for new packages.
    appendFileSync(
      join(app, '.yarnrc.yml'),
      [
        'npmScopes:',
        '  meshcoverage:',
        `    npmRegistryServer: "${registry.url}"`,
        'unsafeHttpWhitelist:',
        '  - "127.0.0.1"',
        '',
      ].join('\n'),
    );
    const yarnrc = readFileSync(join(app, '.yarnrc.yml'), 'utf8');
    writeFileSync(
      join(app, '.yarnrc.yml'),
      yarnrc.replace("npmPreapprovedPackages:\n", "npmPreapprovedPackages:\n  - '@meshcoverage/*'\n"),
    );
    await shell('yarn install', app);
    log('scaffolded and installed');

    // 3. Our READMEs, step by step.
    const backendIndex = join(app, 'packages/backend/src/index.ts');
    for (const [plugin, heading] of READMES) {
      const readme = join(ROOT, 'plugins', plugin, 'README.md');
      const { yarn, backendAdds } = installSteps(readme, heading);
      for (const line of yarn) await shell(line, app);
      const index = readFileSync(backendIndex, 'utf8');
      const missing = backendAdds.filter(line => !index.includes(line));
      writeFileSync(backendIndex, index.replace('backend.start();', `${missing.join('\n')}\n\nbackend.start();`));
    }
    for (const block of configBlocks(join(ROOT, 'plugins/tech-insights-backend-module-mesh-coverage/README.md'))) {
      appendFileSync(join(app, 'app-config.yaml'), `\n${block}`);
    }
    // A component of the adopter's, annotated as docs/annotations.md says.
    appendFileSync(
      join(app, 'examples/entities.yaml'),
      readFileSync(join(import.meta.dirname, 'component.yaml'), 'utf8'),
    );
    log('installed by the READMEs');
    assertOneCopyEach(app);

    await shell('yarn tsc', app);
    log('type-checked');

    // 4. Start it and look, with the facts collected every minute instead of every 15.
    await checkApp(app, {
      APP_CONFIG_techInsights_factRetrievers_meshCoverageFactRetriever_cadence: JSON.stringify('* * * * *'),
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
