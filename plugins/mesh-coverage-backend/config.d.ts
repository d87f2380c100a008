import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Mesh Coverage plugins. */
  meshCoverage?: {
    /** The catalog-wide figures of the Fleet tab and `/fleet`. */
    fleet?: {
      /**
       * Scheduled snapshots of the fleet: `/fleet` serves the latest, `/fleet/history` and
       * `/coverage/history` the stored ones. One run per period across all backend instances, and
       * one as the backend starts.
       */
      snapshot?: {
        /** How often a snapshot is taken (default one hour). */
        frequency?: HumanDuration;
        /** How long snapshots are kept (default 400 days); history ranges are limited to it. */
        retention?: HumanDuration;
      };
    };
  };
}
