import {
  AuditorService,
  DatabaseService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  builtinEdition,
  MatrixEdition,
  parseMatrixOverlay,
  parseMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  builtinOrigin,
  loadedBuiltinEdition,
  loadedMatrix,
  MatrixOrigin,
} from './loadedMatrix';
import {
  MatrixSourceConfig,
  readMatrixSourceConfig,
} from './matrixSourceConfig';
import { MatrixStore } from './MatrixStore';
import { readMatrixDocument, sourceName } from './readMatrixDocument';
import { LoadedMatrix, MeshMatrixService } from './types';

/** @public */
export const REFRESH_TASK_ID = 'mesh-coverage-matrix-refresh';
/** @public */
export const SYNC_TASK_ID = 'mesh-coverage-matrix-sync';
/** How often each instance looks for a matrix another instance refreshed. */
const SYNC_FREQUENCY = { seconds: 15 };

/** @public */
export interface MeshMatrixServiceDeps {
  config: Config;
  logger: LoggerService;
  urlReader: UrlReaderService;
  scheduler: SchedulerService;
  database: DatabaseService;
  /** Records each refresh: what was read, and whether the matrix in service changed. */
  auditor?: AuditorService;
}

/** Where the configured matrix comes from, as `meta` reports it. */
function originOf(source: MatrixSourceConfig): MatrixOrigin {
  const overlays = source.overlays.map(sourceName);
  return {
    ...(source.document
      ? { source: sourceName(source.document) }
      : builtinOrigin(source.edition)),
    ...(overlays.length ? { overlays } : {}),
  };
}

/**
 * Serves a built-in edition (`meshCoverage.matrix.edition`, default `current`), or the matrix read
 * from `meshCoverage.matrix.path` / `.url`, with the operator's `overlays` applied in order. An
 * invalid document at start-up throws (the backend stops, naming the file and the path inside it).
 * With `refresh`, the documents are re-read once across all instances; a good result is stored in
 * the database and picked up by every instance, a bad one is logged and reported in `meta.error`
 * while the last good matrix stays in service.
 *
 * @public
 */
export class DefaultMeshMatrixService implements MeshMatrixService {
  private current: LoadedMatrix;

  private constructor(
    initial: LoadedMatrix,
    private readonly source: MatrixSourceConfig,
    private readonly origin: MatrixOrigin,
    private readonly deps: Pick<
      MeshMatrixServiceDeps,
      'logger' | 'urlReader' | 'auditor'
    >,
    private readonly store?: MatrixStore,
  ) {
    this.current = initial;
  }

  static async create(
    deps: MeshMatrixServiceDeps,
  ): Promise<DefaultMeshMatrixService> {
    const source = readMatrixSourceConfig(deps.config);
    const origin = originOf(source);
    if (!source.document && source.overlays.length === 0) {
      const service = new DefaultMeshMatrixService(
        loadedBuiltinEdition(source.edition),
        source,
        origin,
        deps,
      );
      await service.logLoaded();
      return service;
    }

    const initial = await DefaultMeshMatrixService.readSource(
      source,
      origin,
      deps.urlReader,
    );
    if (!source.refresh) {
      const service = new DefaultMeshMatrixService(
        initial,
        source,
        origin,
        deps,
      );
      await service.logLoaded();
      return service;
    }

    const store = await MatrixStore.create(deps.database);
    await store.publish(DefaultMeshMatrixService.toStored(initial));
    const service = new DefaultMeshMatrixService(
      initial,
      source,
      origin,
      deps,
      store,
    );
    await service.sync();
    await service.logLoaded();
    await deps.scheduler.scheduleTask({
      id: REFRESH_TASK_ID,
      scope: 'global',
      frequency: source.refresh,
      initialDelay: source.refresh,
      timeout: { minutes: 2 },
      fn: () => service.refresh(),
    });
    await deps.scheduler.scheduleTask({
      id: SYNC_TASK_ID,
      scope: 'local',
      frequency: SYNC_FREQUENCY,
      initialDelay: SYNC_FREQUENCY,
      timeout: { seconds: 30 },
      fn: () => service.sync(),
    });
    return service;
  }

  async getMatrix(): Promise<LoadedMatrix> {
    return this.current;
  }

  currentMatrix(): LoadedMatrix {
    return this.current;
  }

  getEdition(edition: MatrixEdition): LoadedMatrix {
    return loadedBuiltinEdition(edition);
  }

  /** Re-reads the documents; a good result replaces the stored one, a bad one is recorded. */
  async refresh(): Promise<void> {
    const store = this.store!;
    const event = await this.deps.auditor?.createEvent({
      eventId: 'matrix-refresh',
      severityLevel: 'medium',
      meta: {
        source: this.origin.source ?? null,
        overlays: this.origin.overlays ?? [],
      },
    });
    const previous = this.current.meta.version;
    try {
      const fresh = await DefaultMeshMatrixService.readSource(
        this.source,
        this.origin,
        this.deps.urlReader,
      );
      await store.publish(DefaultMeshMatrixService.toStored(fresh));
      await event?.success({
        meta: {
          version: fresh.meta.version,
          changed: fresh.meta.version !== previous,
        },
      });
    } catch (error) {
      const message = (error as Error).message;
      this.deps.logger.error(
        'Mesh matrix refresh failed; the last good matrix stays in service',
        {
          source: this.origin.source,
          overlays: this.origin.overlays,
          error: message,
        },
      );
      await event?.fail({ error: error as Error, meta: { kept: previous } });
      await store.recordError(message, new Date().toISOString());
    }
    await this.sync();
  }

  /**
   * Takes up what the store holds, if it differs from what this instance serves: the same matrix
   * and the same `meta` on every instance, so one ETag always means one body.
   */
  async sync(): Promise<void> {
    const store = this.store;
    const status = await store?.readStatus();
    const { meta } = this.current;
    if (
      !store ||
      !status ||
      (status.version === meta.version &&
        status.loadedAt === meta.loadedAt &&
        status.errorAt === meta.error?.at)
    ) {
      return;
    }
    const stored = await store.read();
    if (!stored) {
      return;
    }
    let matrix = this.current.matrix;
    if (stored.version !== this.current.meta.version) {
      try {
        matrix = parseMeshMatrix(JSON.parse(stored.document), stored.source);
      } catch (error) {
        this.deps.logger.error(
          'Stored mesh matrix is unreadable; keeping the one in service',
          {
            error: String(error),
          },
        );
        return;
      }
    }
    const error = stored.errorMessage
      ? { message: stored.errorMessage, at: stored.errorAt ?? stored.loadedAt }
      : undefined;
    const previous = this.current.meta.version;
    this.current = loadedMatrix(
      matrix,
      { ...this.origin, source: stored.source },
      new Date(stored.loadedAt),
      error,
    );
    if (this.current.meta.version !== previous) {
      await this.logLoaded();
    }
  }

  /** Logs the matrix this instance now serves, and records it: an edited overlay lands here. */
  private async logLoaded() {
    const { meta, matrix } = this.current;
    const loaded = {
      source: meta.source,
      edition: meta.edition ?? null,
      overlays: meta.overlays ?? [],
      version: meta.version,
    };
    this.deps.logger.info('Loaded mesh matrix', {
      ...loaded,
      cells: matrix.cells.length,
    });
    const event = await this.deps.auditor?.createEvent({
      eventId: 'matrix-load',
      severityLevel: 'low',
      meta: loaded,
    });
    await event?.success();
  }

  /** The base (a document or a built-in edition), then each overlay on top, each validated. */
  private static async readSource(
    source: MatrixSourceConfig,
    origin: MatrixOrigin,
    urlReader: UrlReaderService,
  ): Promise<LoadedMatrix> {
    let matrix = source.document
      ? parseMeshMatrix(
          await readMatrixDocument(source.document, urlReader),
          sourceName(source.document),
        )
      : builtinEdition(source.edition).matrix;
    for (const overlay of source.overlays) {
      matrix = parseMatrixOverlay(
        matrix,
        await readMatrixDocument(overlay, urlReader, 'overlay'),
        sourceName(overlay),
      );
    }
    return loadedMatrix(matrix, origin, new Date());
  }

  private static toStored(loaded: LoadedMatrix) {
    return {
      version: loaded.meta.version,
      document: JSON.stringify(loaded.matrix),
      source: loaded.meta.source,
      loadedAt: loaded.meta.loadedAt,
    };
  }
}
