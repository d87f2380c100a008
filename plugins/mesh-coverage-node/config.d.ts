import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Mesh Coverage plugins. */
  meshCoverage?: {
    /**
     * Where the comparison matrix comes from. Without `path` or `url` a built-in edition is
     * served (`edition`, default `current`).
     */
    matrix?: {
      /**
       * The built-in edition every backend piece uses when there is no `path` or `url`:
       * `current` (the source document corrected and completed, each change sourced and dated;
       * the default) or `seed` (the source document exactly).
       */
      edition?: 'current' | 'seed';
      /** A local matrix file, YAML or JSON, relative to the backend's working directory. */
      path?: string;
      /** A matrix file read through the backend's UrlReaderService (GitHub, GitLab, … integrations). */
      url?: string;
      /**
       * Overlays of sourced cell claims applied on top of the edition or your matrix, in order:
       * local files (relative to the backend's working directory) or http(s) URLs read through
       * the UrlReaderService. Validated like matrices and refreshed with them.
       */
      overlays?: string[];
      /**
       * How often to re-read `path`, `url` and the overlays. An invalid new version is logged and
       * the last good matrix stays in service.
       */
      refresh?: HumanDuration;
      /** How long a URL may take to answer before a read fails (default 30 seconds). */
      timeout?: HumanDuration;
    };
    /**
     * Responsibility ids every component of a `spec.type` requires, united with its
     * `meshcoverage.io/requires` annotation. Example: `service: [mtls, retries, timeouts]`.
     */
    defaultRequirements?: { [componentType: string]: string[] };
  };
}
