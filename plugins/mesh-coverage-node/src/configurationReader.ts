import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  Configuration,
  MatrixIndex,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { BUILTIN_CONFIG_PROBES } from './configured/builtinProbes';
import {
  ConfigProbe,
  KindListing,
  KubernetesKind,
  WorkloadInCluster,
} from './configured/types';
import { evaluateConfiguration } from './configured/evaluateConfiguration';
import {
  mergeConfigProbes,
  parseConfigProbes,
} from './configured/parseConfigProbes';
import { ClusterReader, listPath } from './clusterReader';

/** @public */
export const CONFIGURED_CONFIG_KEY = 'meshCoverage.configured';

const DEFAULT_TIMEOUT: HumanDuration = { seconds: 5 };
const DEFAULT_CACHE_TTL: HumanDuration = { minutes: 1 };

/** @public */
export interface ConfiguredConfig {
  enabled: boolean;
  timeoutMs: number;
  cacheTtlMs: number;
  /** The built-in probes with the operator's rows merged over them. */
  probes: ConfigProbe[];
}

/**
 * Reads `meshCoverage.configured`. Operator probes naming a mesh or responsibility the matrix does
 * not have, or of the wrong shape, stop the backend with their path and a did-you-mean.
 *
 * @public
 */
export function readConfiguredConfig(
  config: Config,
  index: MatrixIndex,
): ConfiguredConfig {
  const section = config.getOptionalConfig(CONFIGURED_CONFIG_KEY);
  const duration = (key: string, fallback: HumanDuration) =>
    durationToMilliseconds(
      section?.has(key)
        ? readDurationFromConfig(section.getConfig(key))
        : fallback,
    );
  const raw = section?.getOptional('probes') ?? [];
  const { probes, problems } = parseConfigProbes(raw, index);
  if (problems.length) {
    throw new Error(
      `Invalid Mesh Coverage config:\n  ${problems
        .map(p => `${CONFIGURED_CONFIG_KEY}.probes${p.path}: ${p.message}`)
        .join('\n  ')}`,
    );
  }
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    timeoutMs: duration('timeout', DEFAULT_TIMEOUT),
    cacheTtlMs: duration('cacheTtl', DEFAULT_CACHE_TTL),
    probes: mergeConfigProbes(
      // Only probes for meshes the matrix compares (the seed edition has no Kuma).
      BUILTIN_CONFIG_PROBES.filter(p => index.meshIds.includes(p.mesh)),
      probes,
    ),
  };
}

/**
 * Says, per responsibility, whether a mesh is configured to carry it for a component.
 *
 * @public
 */
export interface ConfigurationReader {
  /** The kinds the probes of a mesh list. */
  kindsOf(mesh: string): KubernetesKind[];
  /**
   * Starts listing the mesh's kinds in every cluster, before the component's workloads are known
   * (a declared mesh): `configure` then waits for these lists instead of starting them.
   */
  listKinds(mesh: string): Promise<KindListings>;
  configure(
    mesh: string,
    responsibilityIds: readonly string[],
    workloads: readonly WorkloadInCluster[],
    listed?: KindListings,
  ): Promise<Map<string, Configuration>>;
}

/**
 * Lists of kinds by cluster, as `ConfigurationReader.listKinds` reads them.
 *
 * @public
 */
export type KindListings = Map<string, KindListing>;

const listingKey = (cluster: string, kind: KubernetesKind) =>
  `${cluster}\n${listPath(kind)}`;

/** @public */
export function createConfigurationReader(options: {
  probes: readonly ConfigProbe[];
  clusterReader: ClusterReader;
}): ConfigurationReader {
  const { probes, clusterReader } = options;
  const probeOf = (mesh: string, responsibilityId: string) =>
    probes.find(
      p => p.mesh === mesh && p.responsibilityId === responsibilityId,
    );
  const kindsOfProbes = (list: readonly ConfigProbe[]) => {
    const kinds = new Map<string, KubernetesKind>();
    for (const probe of list) {
      for (const resource of probe.resources) {
        // A probe reading the component's own Service needs no listing.
        if (resource.selects.by !== 'service') {
          kinds.set(listPath(resource.kind), resource.kind);
        }
      }
    }
    return [...kinds.values()];
  };
  return {
    kindsOf(mesh) {
      return kindsOfProbes(probes.filter(p => p.mesh === mesh));
    },
    async listKinds(mesh) {
      const listings: KindListings = new Map();
      const clusters = await clusterReader.clusters();
      const kinds = kindsOfProbes(probes.filter(p => p.mesh === mesh));
      await Promise.all(
        ('names' in clusters ? clusters.names : []).flatMap(cluster =>
          kinds.map(async kind => {
            listings.set(
              listingKey(cluster, kind),
              await clusterReader.list(cluster, kind),
            );
          }),
        ),
      );
      return listings;
    },
    async configure(mesh, responsibilityIds, workloads, listed) {
      const wanted = responsibilityIds.flatMap(id => {
        const probe = probeOf(mesh, id);
        return probe ? [probe] : [];
      });
      const clusters = [...new Set(workloads.map(w => w.cluster))];
      const listings: KindListings = new Map(listed);
      await Promise.all(
        clusters.flatMap(cluster =>
          kindsOfProbes(wanted)
            .filter(kind => !listings.has(listingKey(cluster, kind)))
            .map(async kind => {
              listings.set(
                listingKey(cluster, kind),
                await clusterReader.list(cluster, kind),
              );
            }),
        ),
      );
      const listing = (cluster: string, kind: KubernetesKind) =>
        listings.get(listingKey(cluster, kind)) ?? { items: [] };
      const result = new Map<string, Configuration>();
      for (const id of responsibilityIds) {
        const probe = probeOf(mesh, id);
        result.set(
          id,
          probe
            ? evaluateConfiguration(probe, workloads, listing)
            : {
                state: 'unknown',
                reason: `No configuration probe for ${id} on ${mesh}: nothing to check (meshCoverage.configured.probes can add one)`,
              },
        );
      }
      return result;
    },
  };
}
