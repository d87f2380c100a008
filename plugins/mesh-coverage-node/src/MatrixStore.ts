import { runMigrations } from './runMigrations';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const MIGRATIONS = resolvePackagePath(
  '@meshcoverage/plugin-mesh-coverage-node',
  'migrations',
);

const TABLE = 'mesh_coverage_matrix';
const ROW_ID = 'current';

/** The shared state of the matrix, so every backend instance serves the same one. */
export interface StoredMatrix {
  version: string;
  document: string;
  source: string;
  loadedAt: string;
  errorMessage?: string;
  errorAt?: string;
}

/**
 * The last good matrix and the latest refresh error, in the plugin's database. The refresh runs on
 * one instance at a time; every instance reads the result from here.
 */
export class MatrixStore {
  private constructor(private readonly db: Knex) {}

  /**
   * Opens the store, first bringing the plugin's database up to date with the migrations shipped
   * in this package unless the backend says to skip them (`backend.database…migrations.skip`).
   */
  static async create(database: DatabaseService): Promise<MatrixStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await runMigrations(db, {
        directory: MIGRATIONS,
        // Its own ledger: the service runs in other plugins' databases too (catalog, Tech Insights).
        tableName: 'mesh_coverage_knex_migrations',
      });
    }
    return new MatrixStore(db);
  }

  async read(): Promise<StoredMatrix | undefined> {
    const row = await this.db(TABLE).where({ id: ROW_ID }).first();
    if (!row) {
      return undefined;
    }
    return {
      version: row.version,
      document: row.document,
      source: row.source,
      loadedAt: row.loaded_at,
      errorMessage: row.error_message ?? undefined,
      errorAt: row.error_at ?? undefined,
    };
  }

  /** Version and timestamps only: what each instance polls to notice a change cheaply. */
  async readStatus(): Promise<
    { version: string; loadedAt: string; errorAt?: string } | undefined
  > {
    const row = await this.db(TABLE)
      .where({ id: ROW_ID })
      .first('version', 'loaded_at', 'error_at');
    return row
      ? {
          version: row.version,
          loadedAt: row.loaded_at,
          errorAt: row.error_at ?? undefined,
        }
      : undefined;
  }

  /** Stores a good matrix and clears any error; keeps `loadedAt` when the content is unchanged. */
  async publish(matrix: {
    version: string;
    document: string;
    source: string;
    loadedAt: string;
  }) {
    const existing = await this.readStatus();
    if (existing?.version === matrix.version) {
      await this.db(TABLE)
        .where({ id: ROW_ID })
        .update({ source: matrix.source, error_message: null, error_at: null });
      return;
    }
    const row = {
      id: ROW_ID,
      version: matrix.version,
      document: matrix.document,
      source: matrix.source,
      loaded_at: matrix.loadedAt,
      error_message: null,
      error_at: null,
    };
    await this.db(TABLE).insert(row).onConflict('id').merge();
  }

  /** Records a failed refresh; the stored matrix stays as it is. */
  async recordError(message: string, at: string): Promise<void> {
    await this.db(TABLE)
      .where({ id: ROW_ID })
      .update({ error_message: message, error_at: at });
  }
}
