import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CoverageReport,
  CoverageHistoryResponse,
  EvaluateRequest,
  FleetHistoryResponse,
  FleetResponse,
  MatrixEdition,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** `GET /matrix`, serialized once per matrix state. */
/** A content coding the matrix is prepared in (`identity`: none). */
export type MatrixEncoding = 'br' | 'gzip' | 'identity';

/** One prepared representation of the `GET /matrix` body. */
interface MatrixRepresentation {
  /** The UTF-8 JSON body, in `encoding`. */
  body: Buffer;
  /** Strong ETag of this representation: it differs per encoding (RFC 9110 §8.8.3). */
  etag: string;
}

export interface SerializedMatrix {
  representations: Record<MatrixEncoding, MatrixRepresentation>;
}

export interface MeshCoverageService {
  /** The matrix in service, or a built-in edition as it ships. */
  getSerializedMatrix(edition?: MatrixEdition): Promise<SerializedMatrix>;
  /** Throws `InputError` naming unknown ids. */
  evaluate(request: EvaluateRequest): Promise<CoverageReport>;
  /** Throws `NotFoundError` when the caller cannot see the entity. */
  getCoverage(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<CoverageReport>;
  /**
   * From the latest snapshot, or computed now from what the caller sees (`live`, entity refs, or
   * before the first snapshot). Throws `InputError` for an unknown what-if mesh.
   */
  getFleet(
    options: {
      whatIfMesh?: string;
      includeEntityRefs?: boolean;
      live?: boolean;
    },
    credentials: BackstageCredentials,
  ): Promise<FleetResponse>;
  /** Throws `InputError` naming a bad date, mesh or owner, or a range longer than retention. */
  getFleetHistory(options: {
    from?: string;
    to?: string;
    mesh?: string;
    owner?: string;
  }): Promise<FleetHistoryResponse>;
  /** Throws `InputError` for a bad ref or range, `NotFoundError` when the caller cannot see it. */
  getCoverageHistory(
    options: { entityRef: string; from?: string; to?: string },
    credentials: BackstageCredentials,
  ): Promise<CoverageHistoryResponse>;
}
