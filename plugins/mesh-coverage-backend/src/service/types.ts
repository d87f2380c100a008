import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CoverageReport,
  FleetResponsibilityChange,
  FleetSummary,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** `GET /matrix`, serialized once per matrix state. */
export interface SerializedMatrix {
  /** The UTF-8 JSON body. */
  body: Buffer;
  etag: string;
}

export interface EvaluateRequest {
  mesh: string;
  requires: string[];
  implements?: string[];
}

/** `GET /fleet?mesh=`: the what-if summary, with today's and the change against it. */
export type FleetResponse = FleetSummary & {
  today?: FleetSummary;
  change?: FleetResponsibilityChange[];
};

export interface MeshCoverageService {
  getSerializedMatrix(): Promise<SerializedMatrix>;
  /** Throws `InputError` naming unknown ids. */
  evaluate(request: EvaluateRequest): Promise<CoverageReport>;
  /** Throws `NotFoundError` when the caller cannot see the entity. */
  getCoverage(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<CoverageReport>;
  /** Throws `InputError` for an unknown what-if mesh. */
  getFleet(
    options: { whatIfMesh?: string; includeEntityRefs?: boolean },
    credentials: BackstageCredentials,
  ): Promise<FleetResponse>;
}
