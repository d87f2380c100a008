import {
  FleetResponsibilityChange,
  FleetSummary,
} from '../coverage/summarizeFleet';

/**
 * The body of `POST /evaluate`.
 *
 * @public
 */
export interface EvaluateRequest {
  mesh: string;
  requires: string[];
  implements?: string[];
}

/**
 * `GET /fleet`, and with `?mesh=` the what-if with today's summary and the change against it.
 *
 * @public
 */
export type FleetResponse = FleetSummary & {
  today?: FleetSummary;
  change?: FleetResponsibilityChange[];
};
