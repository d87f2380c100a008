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
      /**
       * How old a claim (a cell's or a tool fact's `verifiedAt`) may grow before `GET /matrix`
       * serves it with `recheck: true` and the comparison page says "re-check" (default 180 days).
       */
      claimMaxAge?: HumanDuration;
    };
    /**
     * What the mesh is configured to do for each component: the cluster resources that turn a
     * responsibility on (PeerAuthentication, DestinationRule, Linkerd annotations, …), read through
     * Backstage's Kubernetes backend with this plugin's service credentials (docs/configured.md).
     */
    configured?: {
      /** Default true; false: `configured` is left out of every report. */
      enabled?: boolean;
      /** How long a cluster may take to list one kind (default 5 seconds). */
      timeout?: HumanDuration;
      /** How long a listed kind is kept, per cluster (default 1 minute). */
      cacheTtl?: HumanDuration;
      /**
       * Your own probes, validated at start-up: a row for a mesh and responsibility the built-in
       * table has replaces it, any other is added (docs/configured.md has the format).
       */
      probes?: Array<{
        mesh: string;
        responsibilityId: string;
        default: 'on' | 'off';
        description: string | { en: string; ja: string };
        sources: string[];
        fix?: string;
        resources: Array<{
          kind: {
            group: string;
            version: string;
            plural: string;
            kind: string;
          };
          selects: { by: string; path?: string; rootNamespace?: string };
          on: Array<{
            path?: string;
            annotation?: string;
            label?: string;
            exists?: boolean;
            in?: string[];
            contains?: string;
          }>;
          off?: Array<{
            path?: string;
            annotation?: string;
            label?: string;
            exists?: boolean;
            in?: string[];
            contains?: string;
          }>;
          precedence?: number;
          exclusive?: boolean;
          defaultNamePrefix?: string;
        }>;
      }>;
    };
    /** Where a component's mesh comes from. */
    mesh?: {
      /**
       * `declared`: the `meshcoverage.io/mesh` annotation only; `observed`: the data plane the
       * component's pods run (through the Kubernetes backend); `declared-or-observed` (default):
       * the annotation, and without one the pods. An annotation naming an unknown mesh stays an
       * error; it is never replaced by what runs.
       */
      source?: 'declared' | 'observed' | 'declared-or-observed';
    };
    /**
     * Responsibility ids every component of a `spec.type` requires, united with its
     * `meshcoverage.io/requires` annotation. Example: `service: [mtls, retries, timeouts]`.
     */
    defaultRequirements?: { [componentType: string]: string[] };
    /**
     * What runs against what is declared: a component's pods, read through Backstage's
     * Kubernetes backend (when installed) for components with `backstage.io/kubernetes-id` or
     * `backstage.io/kubernetes-label-selector`, each pod's data plane recognised by `rules`.
     */
    observed?: {
      /** Default true; false: never look (`observed` is null, reason `disabled`). */
      enabled?: boolean;
      /** How long to wait for the Kubernetes backend (default 5 seconds). */
      timeout?: HumanDuration;
      /** How long an answer is kept in the backend's cache (default 1 minute). */
      cacheTtl?: HumanDuration;
      /**
       * How a pod's data plane is recognised, tried in order; replaces the defaults (istio-proxy,
       * the Istio ambient redirection annotation, linkerd-proxy, consul-dataplane*, envoy-sidecar,
       * kuma-sidecar; each only where the matrix compares its mesh).
       * A pod matches a rule when any of its containers, annotations or labels match.
       */
      rules?: Array<{
        /** The matrix's mesh id. */
        mesh: string;
        /** Shown to users: sidecar (default), ambient, … */
        mode?: string;
        /** Container names, or init containers with restartPolicy Always; a trailing * matches a prefix. */
        containers?: string[];
        /** Pod annotations and the value they must have. */
        annotations?: { [name: string]: string };
        /** Pod labels and the value they must have. */
        labels?: { [name: string]: string };
      }>;
    };
  };
}
