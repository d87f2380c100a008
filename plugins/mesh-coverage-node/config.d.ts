export interface Config {
  /** Mesh Coverage plugins. */
  meshCoverage?: {
    /**
     * Where the comparison matrix comes from. Without it the built-in matrix (the faithful seed
     * document) is served.
     */
    matrix?: {
      /** A local matrix file, YAML or JSON, relative to the backend's working directory. */
      path?: string;
      /** A matrix file read through the backend's UrlReaderService (GitHub, GitLab, … integrations). */
      url?: string;
      /**
       * How often to re-read `path` or `url`. An invalid new version is logged and the last good
       * matrix stays in service.
       */
      refresh?: {
        days?: number;
        hours?: number;
        minutes?: number;
        seconds?: number;
      };
    };
    /**
     * Responsibility ids every component of a `spec.type` requires, united with its
     * `meshcoverage.io/requires` annotation. Example: `service: [mtls, retries, timeouts]`.
     */
    defaultRequirements?: { [componentType: string]: string[] };
  };
}
