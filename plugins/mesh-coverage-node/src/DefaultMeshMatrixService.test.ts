import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  SchedulerServiceTaskInvocationDefinition,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  builtinEdition,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import knexFactory from 'knex';
import { stringify as toYaml } from 'yaml';
import {
  DefaultMeshMatrixService,
  REFRESH_TASK_ID,
  SYNC_TASK_ID,
} from './DefaultMeshMatrixService';
import { MatrixStore } from './MatrixStore';
import { readMatrixSourceConfig } from './matrixSourceConfig';

const SEED_MATRIX = builtinEdition('seed').matrix;

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

/** The built-in matrix with one cell changed, so a refresh is observable. */
function edited(support: 'yes' | 'no'): MeshMatrix {
  const matrix: MeshMatrix = JSON.parse(JSON.stringify(SEED_MATRIX));
  matrix.cells.find(
    c => c.toolId === 'linkerd' && c.responsibilityId === 'circuit-breaker',
  )!.support = support;
  return matrix;
}

describe.each(databases.eachSupportedId())(
  'DefaultMeshMatrixService on %s',
  databaseId => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mesh-matrix-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function create(
      matrixConfig: JsonObject | undefined,
      urlReader: Partial<UrlReaderService> = {},
    ) {
      const scheduler = mockServices.scheduler.mock();
      const logger = mockServices.logger.mock();
      const audited = { success: jest.fn(), fail: jest.fn() };
      const auditor = mockServices.auditor.mock({
        createEvent: jest.fn(async () => audited),
      });
      const knex = await databases.init(databaseId);
      const service = await DefaultMeshMatrixService.create({
        config: mockServices.rootConfig({
          data: matrixConfig ? { meshCoverage: { matrix: matrixConfig } } : {},
        }),
        logger,
        urlReader: mockServices.urlReader.mock(urlReader),
        scheduler,
        database: mockServices.database({ knex }),
        auditor,
      });
      const task = (id: string) =>
        scheduler.scheduleTask.mock.calls.find(([t]) => t.id === id)?.[0] as
          | SchedulerServiceTaskInvocationDefinition
          | undefined;
      return { service, scheduler, logger, task, knex, auditor, audited };
    }

    const cellSupport = async (service: DefaultMeshMatrixService) =>
      (await service.getMatrix()).index.cell('linkerd', 'circuit-breaker')
        ?.support;

    it('serves the current edition without config, and schedules nothing', async () => {
      const { service, scheduler } = await create(undefined);
      const { matrix, meta } = await service.getMatrix();
      expect(matrix).toBe(builtinEdition('current').matrix);
      expect(meta).toEqual({
        source: 'built-in',
        edition: 'current',
        editionDate: builtinEdition('current').date,
        loadedAt: expect.any(String),
        version: expect.stringMatching(/^[0-9a-f]{16}$/),
        editions: [
          { edition: 'seed' },
          { edition: 'current', date: builtinEdition('current').date },
        ],
      });
      expect(service.getEdition('current')).toBe(service.currentMatrix());
      expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    });

    it('serves the seed edition when configured, and either edition on request', async () => {
      const { service } = await create({ edition: 'seed' });
      const { matrix, meta } = await service.getMatrix();
      expect(matrix).toBe(SEED_MATRIX);
      expect(meta.edition).toBe('seed');
      expect(meta.editionDate).toBeUndefined();
      expect(service.getEdition('current').matrix).toBe(
        builtinEdition('current').matrix,
      );
      expect(service.getEdition('current').meta.version).not.toBe(meta.version);
    });

    it('refuses an unknown edition, or an edition beside a path', async () => {
      await expect(create({ edition: 'latest' })).rejects.toThrow(
        "meshCoverage.matrix.edition: unknown edition 'latest'; use one of seed, current",
      );
      await expect(create({ edition: 'seed', path: 'a.yaml' })).rejects.toThrow(
        /edition picks a built-in matrix, but path names/,
      );
    });

    it('reads the claim max age in days, and refuses one that is not a duration of a day or more', () => {
      const read = (claimMaxAge?: JsonObject) =>
        readMatrixSourceConfig(
          new ConfigReader({
            meshCoverage: { matrix: claimMaxAge ? { claimMaxAge } : {} },
          }),
        ).claimMaxAgeDays;
      expect(read()).toBe(180);
      expect(read({ days: 30 })).toBe(30);
      expect(read({ months: 6 })).toBe(180);
      expect(() => read({ dayz: 3 })).toThrow(
        /^Invalid Mesh Coverage config: meshCoverage\.matrix\.claimMaxAge: .*give a duration such as \{ days: 180 \}/,
      );
      expect(() => read({ hours: 2 })).toThrow(
        'meshCoverage.matrix.claimMaxAge: is shorter than a day; give at least { days: 1 }',
      );
    });

    /** An operator overlay: one sourced claim on linkerd × circuit-breaker of the seed. */
    const claim = (support: string, replaces: string) => ({
      description: { en: 'Our claims', ja: '私たちの主張' },
      cells: [
        {
          toolId: 'linkerd',
          responsibilityId: 'circuit-breaker',
          support,
          source: 'https://linkerd.io/2/reference/circuit-breaking/',
          verifiedAt: '2026-12-01',
          replaces: { support: replaces },
        },
      ],
    });

    it('applies overlays in order on the configured edition, and names them in meta', async () => {
      const first = join(dir, 'first.yaml');
      const second = join(dir, 'second.json');
      writeFileSync(first, toYaml(claim('yes', 'no')));
      writeFileSync(second, JSON.stringify(claim('partial', 'yes')));
      const { service, scheduler } = await create({
        edition: 'seed',
        overlays: [first, second],
      });
      const { index, meta } = await service.getMatrix();
      expect(index.cell('linkerd', 'circuit-breaker')).toMatchObject({
        support: 'partial',
        replaces: { support: 'yes', source: expect.any(String) },
      });
      expect(meta).toMatchObject({
        source: 'built-in',
        edition: 'seed',
        overlays: [first, second],
      });
      expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    });

    it('refuses to start on an invalid overlay, naming the file and the path inside it', async () => {
      const path = join(dir, 'claims.yaml');
      const broken = claim('yes', 'no');
      (broken.cells[0] as any).toolId = 'linkerd2';
      writeFileSync(path, toYaml(broken));
      await expect(
        create({ edition: 'seed', overlays: [path] }),
      ).rejects.toThrow(
        `Invalid mesh overlay in ${path}:\n  cells[0].toolId: unknown tool 'linkerd2' (did you mean 'linkerd'?)`,
      );
      await expect(
        create({ edition: 'seed', overlays: [join(dir, 'nope.yaml')] }),
      ).rejects.toThrow(/Could not read the mesh overlay file .*nope\.yaml/);
    });

    it('keeps the last good matrix when an overlay turns invalid on refresh, and recovers', async () => {
      const path = join(dir, 'claims.yaml');
      writeFileSync(path, toYaml(claim('yes', 'no')));
      const { service, task, auditor, audited } = await create({
        edition: 'seed',
        overlays: [path],
        refresh: { minutes: 5 },
      });
      const good = service.currentMatrix().meta.version;
      // What an instance serves is on the audit record from the start, its overlays named.
      expect(auditor.createEvent).toHaveBeenCalledWith({
        eventId: 'matrix-load',
        severityLevel: 'low',
        meta: expect.objectContaining({ overlays: [path], version: good }),
      });
      const { source, ...unsourced } = claim('partial', 'no').cells[0];
      writeFileSync(path, toYaml({ cells: [unsourced] }));
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      // Each refresh is on the audit record: what was read, and what it did to the matrix.
      expect(auditor.createEvent).toHaveBeenLastCalledWith({
        eventId: 'matrix-refresh',
        severityLevel: 'medium',
        meta: { source: expect.any(String), overlays: [path] },
      });
      expect(audited.fail).toHaveBeenLastCalledWith({
        error: expect.objectContaining({
          message: expect.stringContaining('cells[0].source: missing'),
        }),
        meta: { kept: good },
      });
      expect(service.currentMatrix().meta).toMatchObject({
        version: good,
        error: {
          message: `Invalid mesh overlay in ${path}:\n  cells[0].source: missing (expected an https URL)`,
        },
      });
      expect(await cellSupport(service)).toBe('yes');

      writeFileSync(path, toYaml(claim('partial', 'no')));
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      expect(service.currentMatrix().meta.error).toBeUndefined();
      expect(await cellSupport(service)).toBe('partial');
      const fixed = service.currentMatrix().meta.version;
      expect(audited.success).toHaveBeenCalledWith({
        meta: { version: fixed, changed: true },
      });
      // …and the changed matrix it then serves.
      expect(auditor.createEvent).toHaveBeenLastCalledWith({
        eventId: 'matrix-load',
        severityLevel: 'low',
        meta: expect.objectContaining({ overlays: [path], version: fixed }),
      });
    });

    it('applies an overlay on an operator matrix file', async () => {
      const matrixPath = join(dir, 'matrix.yaml');
      const overlayPath = join(dir, 'claims.yaml');
      writeFileSync(matrixPath, toYaml(edited('no')));
      writeFileSync(overlayPath, toYaml(claim('yes', 'no')));
      const { service } = await create({
        path: matrixPath,
        overlays: [overlayPath],
      });
      expect(await cellSupport(service)).toBe('yes');
      expect(service.currentMatrix().meta).toMatchObject({
        source: matrixPath,
        overlays: [overlayPath],
      });
      expect(service.currentMatrix().meta.edition).toBeUndefined();
    });

    it('serves a YAML file override', async () => {
      const path = join(dir, 'matrix.yaml');
      writeFileSync(path, toYaml(edited('yes')));
      const { service } = await create({ path });
      expect(await cellSupport(service)).toBe('yes');
      expect((await service.getMatrix()).meta).toEqual({
        source: path,
        loadedAt: expect.any(String),
        version: expect.stringMatching(/^[0-9a-f]{16}$/),
        editions: [
          { edition: 'seed' },
          { edition: 'current', date: builtinEdition('current').date },
        ],
      });
    });

    it('serves a JSON file override', async () => {
      const path = join(dir, 'matrix.json');
      writeFileSync(path, JSON.stringify(edited('yes')));
      const { service } = await create({ path });
      expect(await cellSupport(service)).toBe('yes');
    });

    it('refuses to start on an invalid file, naming the file and the path inside it', async () => {
      const path = join(dir, 'matrix.yaml');
      const broken = edited('yes') as any;
      broken.cells[12].support = 'maybe';
      writeFileSync(path, toYaml(broken));
      await expect(create({ path })).rejects.toThrow(
        `Invalid mesh matrix in ${path}:\n  cells[12].support: expected yes|no|partial|unknown|not-applicable, got 'maybe'`,
      );
    });

    it('refuses to start on a file that is not YAML', async () => {
      const path = join(dir, 'matrix.yaml');
      writeFileSync(path, 'tools: [istio\ncells: {');
      await expect(create({ path })).rejects.toThrow(
        new RegExp(`^Could not parse the mesh matrix in ${path}: `),
      );
    });

    it('refuses to start on a missing file', async () => {
      await expect(create({ path: join(dir, 'nope.yaml') })).rejects.toThrow(
        /Could not read the mesh matrix file .*nope\.yaml .*ENOENT/,
      );
    });

    it('refuses both a path and a url', async () => {
      await expect(
        create({ path: 'a.yaml', url: 'https://example.com/m.yaml' }),
      ).rejects.toThrow(
        'meshCoverage.matrix.path and url are both set; keep one of them',
      );
    });

    it('replaces the matrix on refresh, once across instances, and every instance syncs', async () => {
      const path = join(dir, 'matrix.yaml');
      writeFileSync(path, toYaml(edited('no')));
      const { service, task } = await create({
        path,
        refresh: { minutes: 10 },
      });
      expect(task(REFRESH_TASK_ID)).toMatchObject({
        scope: 'global',
        frequency: { minutes: 10 },
      });
      expect(task(SYNC_TASK_ID)).toMatchObject({ scope: 'local' });
      const before = (await service.getMatrix()).meta.version;

      writeFileSync(path, toYaml(edited('yes')));
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);

      expect(await cellSupport(service)).toBe('yes');
      const { meta } = await service.getMatrix();
      expect(meta.version).not.toBe(before);
      expect(meta.error).toBeUndefined();
    });

    it('keeps the last good matrix when the refreshed file is invalid, reports it, and recovers', async () => {
      const path = join(dir, 'matrix.yaml');
      writeFileSync(path, toYaml(edited('yes')));
      const { service, task, logger } = await create({
        path,
        refresh: { minutes: 10 },
      });
      const good = (await service.getMatrix()).meta.version;

      const broken = edited('no') as any;
      broken.cells[3].toolId = 'istoi';
      writeFileSync(path, toYaml(broken));
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);

      let served = await service.getMatrix();
      expect(served.meta.version).toBe(good);
      expect(await cellSupport(service)).toBe('yes');
      expect(served.meta.error).toEqual({
        message: `Invalid mesh matrix in ${path}:\n  cells[3].toolId: unknown tool 'istoi'`,
        at: expect.any(String),
      });
      expect(logger.error).toHaveBeenCalledWith(
        'Mesh matrix refresh failed; the last good matrix stays in service',
        expect.objectContaining({ source: path }),
      );

      unlinkSync(path);
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      served = await service.getMatrix();
      expect(served.meta.version).toBe(good);
      expect(served.meta.error?.message).toMatch(
        /Could not read the mesh matrix file .*ENOENT/,
      );

      writeFileSync(path, toYaml(edited('no')));
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      served = await service.getMatrix();
      expect(served.meta.error).toBeUndefined();
      expect(await cellSupport(service)).toBe('no');
    });

    it('reads a URL source through the UrlReaderService', async () => {
      const url =
        'https://git.example.com/platform/matrix/blob/main/matrix.yaml';
      const readUrl = jest.fn(async () => ({
        buffer: async () => Buffer.from(toYaml(edited('yes'))),
      }));
      const { service } = await create({ url }, { readUrl: readUrl as any });
      expect(readUrl).toHaveBeenCalledWith(
        url,
        expect.objectContaining({ signal: expect.anything() }),
      );
      expect(await cellSupport(service)).toBe('yes');
      expect((await service.getMatrix()).meta.source).toBe(url);
    });

    it('keeps the last good matrix when the URL fails on refresh', async () => {
      const url = 'https://git.example.com/matrix.yaml';
      const readUrl = jest
        .fn()
        .mockResolvedValueOnce({
          buffer: async () => Buffer.from(toYaml(edited('yes'))),
        })
        .mockRejectedValueOnce(
          new Error('Request failed with 500 Internal Server Error'),
        );
      const { service, task } = await create(
        { url, refresh: { minutes: 1 } },
        { readUrl },
      );
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      const { meta } = await service.getMatrix();
      expect(meta.error?.message).toBe(
        `Could not read the mesh matrix from ${url}: Request failed with 500 Internal Server Error`,
      );
      expect(await cellSupport(service)).toBe('yes');
    });

    it('keeps the last good matrix when a refresh finds the file truncated mid-write', async () => {
      const path = join(dir, 'matrix.yaml');
      const good = toYaml(edited('yes'));
      writeFileSync(path, good);
      const { service, task } = await create({
        path,
        refresh: { minutes: 10 },
      });
      const version = (await service.getMatrix()).meta.version;
      writeFileSync(path, good.slice(0, Math.floor(good.length / 2)));
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      const { meta } = await service.getMatrix();
      expect(meta.version).toBe(version);
      expect(meta.error?.message).toMatch(
        new RegExp(
          `^(Invalid mesh matrix in|Could not parse the mesh matrix in) ${path}`,
        ),
      );
      expect(await cellSupport(service)).toBe('yes');
    });

    it('gives up on a URL that does not answer within the timeout, keeping the last good matrix', async () => {
      const url = 'https://git.example.com/slow.yaml';
      const readUrl = jest
        .fn()
        .mockResolvedValueOnce({
          buffer: async () => Buffer.from(toYaml(edited('yes'))),
        })
        .mockImplementationOnce(() => new Promise(() => {})); // never answers
      const { service, task } = await create(
        { url, refresh: { minutes: 1 }, timeout: { milliseconds: 200 } },
        { readUrl },
      );
      await task(REFRESH_TASK_ID)!.fn(new AbortController().signal);
      const { meta } = await service.getMatrix();
      expect(meta.error?.message).toBe(
        `Could not read the mesh matrix from ${url}: no answer within 0.2s`,
      );
      expect(await cellSupport(service)).toBe('yes');
    });

    it('creates its table through the migrations it ships, in a ledger of its own', async () => {
      const path = join(dir, 'matrix.yaml');
      writeFileSync(path, toYaml(edited('no')));
      const { knex } = await create({ path, refresh: { minutes: 10 } });
      expect(await knex.schema.hasTable('mesh_coverage_matrix')).toBe(true);
      expect(await knex('mesh_coverage_knex_migrations').pluck('name')).toEqual(
        ['20261201000000_matrix.js'],
      );
      // Knex's default ledger stays free for the plugin whose database this is (the catalog's).
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    });

    it('leaves the schema alone when the backend skips migrations', async () => {
      // A database nobody migrated: the test databases hand SQLite's out again to later tests.
      const knex =
        databaseId === 'SQLITE_3'
          ? knexFactory({
              client: 'better-sqlite3',
              connection: ':memory:',
              useNullAsDefault: true,
            })
          : await databases.init(databaseId);
      await MatrixStore.create(
        mockServices.database({ knex, migrations: { skip: true } }),
      );
      expect(await knex.schema.hasTable('mesh_coverage_knex_migrations')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('mesh_coverage_matrix')).toBe(false);
    });

    it('lets a second instance on the same database take up the refreshed matrix', async () => {
      const path = join(dir, 'matrix.yaml');
      writeFileSync(path, toYaml(edited('no')));
      const knex = await databases.init(databaseId);
      const instance = async () => {
        const scheduler = mockServices.scheduler.mock();
        const service = await DefaultMeshMatrixService.create({
          config: mockServices.rootConfig({
            data: {
              meshCoverage: { matrix: { path, refresh: { minutes: 10 } } },
            },
          }),
          logger: mockServices.logger.mock(),
          urlReader: mockServices.urlReader.mock(),
          scheduler,
          database: mockServices.database({ knex }),
        });
        const task = (id: string) =>
          scheduler.scheduleTask.mock.calls.find(
            ([t]) => t.id === id,
          )![0] as SchedulerServiceTaskInvocationDefinition;
        return { service, task };
      };
      const first = await instance();
      const second = await instance();

      writeFileSync(path, toYaml(edited('yes')));
      await first.task(REFRESH_TASK_ID).fn(new AbortController().signal);
      expect(await cellSupport(second.service)).toBe('no');

      await second.task(SYNC_TASK_ID).fn(new AbortController().signal);
      expect(await cellSupport(second.service)).toBe('yes');
      expect((await second.service.getMatrix()).meta.version).toBe(
        (await first.service.getMatrix()).meta.version,
      );
    });
  },
);
