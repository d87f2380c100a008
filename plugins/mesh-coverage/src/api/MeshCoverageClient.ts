import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CoverageHistoryResponse,
  CoverageReport,
  EvaluateRequest,
  FleetHistoryResponse,
  FleetResponse,
  MatrixEdition,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MeshCoverageApi } from './MeshCoverageApi';

/**
 * Calls the `mesh-coverage` backend through the app's discovery and fetch APIs.
 *
 * @public
 */
export class MeshCoverageClient implements MeshCoverageApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  /**
   * The last matrix and its ETag per edition (`''`: the one in service): revalidated with
   * If-None-Match, 304 reuses it.
   */
  private readonly cachedMatrix = new Map<
    string,
    { etag: string; matrix: ServedMeshMatrix }
  >();
  /** Requests under way: the card, scorecard and tab of one page share one. */
  private readonly pendingMatrix = new Map<string, Promise<ServedMeshMatrix>>();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getMatrix(
    options: { edition?: MatrixEdition } = {},
  ): Promise<ServedMeshMatrix> {
    const edition = options.edition ?? '';
    let pending = this.pendingMatrix.get(edition);
    if (!pending) {
      pending = this.fetchMatrix(edition).finally(() => {
        this.pendingMatrix.delete(edition);
      });
      this.pendingMatrix.set(edition, pending);
    }
    return pending;
  }

  private async fetchMatrix(edition: string): Promise<ServedMeshMatrix> {
    const cached = this.cachedMatrix.get(edition);
    const headers: Record<string, string> = {};
    if (cached) {
      headers['If-None-Match'] = cached.etag;
    }
    const query = edition ? `?${new URLSearchParams({ edition })}` : '';
    const response = await this.fetchApi.fetch(
      await this.url(`/matrix${query}`),
      { headers },
    );
    if (response.status === 304 && cached) {
      return cached.matrix;
    }
    const matrix = (await this.json(response)) as ServedMeshMatrix;
    const etag = response.headers.get('ETag');
    if (etag) {
      this.cachedMatrix.set(edition, { etag, matrix });
    } else {
      this.cachedMatrix.delete(edition);
    }
    return matrix;
  }

  async evaluate(request: EvaluateRequest): Promise<CoverageReport> {
    const response = await this.fetchApi.fetch(await this.url('/evaluate'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await this.json(response)) as CoverageReport;
  }

  async getCoverage(entityRef: string): Promise<CoverageReport> {
    const query = new URLSearchParams({ entityRef });
    const response = await this.fetchApi.fetch(
      await this.url(`/coverage?${query}`),
    );
    return (await this.json(response)) as CoverageReport;
  }

  async getFleet(
    options: {
      whatIfMesh?: string;
      includeEntityRefs?: boolean;
      live?: boolean;
    } = {},
  ): Promise<FleetResponse> {
    return (await this.get('/fleet', {
      mesh: options.whatIfMesh,
      entityRefs: options.includeEntityRefs ? 'true' : undefined,
      live: options.live ? 'true' : undefined,
    })) as FleetResponse;
  }

  async getFleetHistory(
    options: { from?: string; to?: string; mesh?: string; owner?: string } = {},
  ): Promise<FleetHistoryResponse> {
    return (await this.get('/fleet/history', {
      from: options.from,
      to: options.to,
      mesh: options.mesh,
      owner: options.owner,
    })) as FleetHistoryResponse;
  }

  async getCoverageHistory(
    entityRef: string,
    options: { from?: string; to?: string } = {},
  ): Promise<CoverageHistoryResponse> {
    return (await this.get('/coverage/history', {
      entityRef,
      from: options.from,
      to: options.to,
    })) as CoverageHistoryResponse;
  }

  /** GET with the parameters that are set (an empty string is left out too). */
  private async get(
    path: string,
    params: Record<string, string | undefined>,
  ): Promise<unknown> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value) {
        query.set(key, value);
      }
    }
    const suffix = query.size ? `?${query}` : '';
    const response = await this.fetchApi.fetch(
      await this.url(`${path}${suffix}`),
    );
    return this.json(response);
  }

  private async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl('mesh-coverage')}${path}`;
  }

  private async json(response: Response): Promise<unknown> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
