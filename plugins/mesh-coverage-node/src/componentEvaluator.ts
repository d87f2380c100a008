import {
  ANNOTATION_MESH,
  carriesResponsibility,
  ComponentLike,
  Configuration,
  CoverageReport,
  DefaultRequirements,
  evaluateDeclaration,
  MatrixIndex,
  MeshDeclaration,
  MeshSource,
  MeshSourceMode,
  ObservedMesh,
  parseComponent,
  resolveMesh,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  DataPlaneRule,
  PodLike,
  summarizeObservedPods,
} from './observed/dataPlanes';
import { KubeObject, WorkloadInCluster } from './configured/types';
import {
  AuthService,
  CacheService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ClusterReader,
  createClusterReader,
  POD_KIND,
  SERVICE_KIND,
} from './clusterReader';
import {
  ConfigurationReader,
  createConfigurationReader,
  KindListings,
  readConfiguredConfig,
} from './configurationReader';
import { readMeshSourceMode } from './meshSourceConfig';
import {
  createObservedMeshReader,
  KUBERNETES_ANNOTATIONS,
  ObservedMeshResult,
  ObservedMeshReader,
  readObservedConfig,
  workloadsOf,
} from './observedMeshReader';

/**
 * How a component runs, when the caller read it from the clusters: the mesh that decides (its
 * annotation or its pods) and what that mesh is configured to do per requirement.
 *
 * @public
 */
export interface ComponentAsItRuns {
  mesh: string | undefined;
  configured?: ReadonlyMap<string, Configuration>;
  /** Its declaration, where the caller parsed it already (it is not parsed twice). */
  declaration?: MeshDeclaration;
}

/**
 * One component's coverage as it runs: its declaration, what its pods run, the mesh that decides
 * (annotation or pods, `meshCoverage.mesh.source`), and per requirement the mesh can carry whether
 * its configuration turns it on. `/coverage` and the scorecard facts both take it from here.
 *
 * @public
 */
export interface ComponentEvaluation {
  declaration: MeshDeclaration;
  /** Absent when there is no valid mesh (an unknown one). */
  report?: CoverageReport;
  meshSource: MeshSource;
  observation: Omit<ObservedMeshResult, 'workloads'>;
}

/** @public */
export interface ComponentEvaluator {
  evaluate(
    index: MatrixIndex,
    component: ComponentLike,
  ): Promise<ComponentEvaluation>;
}

const hasKubernetesAnnotation = (component: ComponentLike) =>
  KUBERNETES_ANNOTATIONS.some(key => component.annotations?.[key]?.trim());

/** The mesh that decides and its configured states: the one rule for /coverage and the fleet. */
async function asItRuns(
  index: MatrixIndex,
  component: ComponentLike,
  declaration: MeshDeclaration,
  observed: ObservedMesh | null | undefined,
  workloads: WorkloadInCluster[] | undefined,
  whyNoWorkloads: string | undefined,
  options: {
    meshSourceMode: MeshSourceMode;
    configurationReader?: ConfigurationReader;
  },
  /** The declared mesh's kinds, listed while the workloads were read. */
  prefetched?: { mesh: string; listings: Promise<KindListings> },
): Promise<ComponentAsItRuns & { meshSource: MeshSource }> {
  const { mesh, meshSource } = resolveMesh(
    component,
    declaration,
    observed,
    options.meshSourceMode,
    index.baselineTool.id,
  );
  if (!mesh || !options.configurationReader) {
    return { mesh, meshSource };
  }
  const carried = declaration.requires.filter(id =>
    carriesResponsibility(index.cellsOf(mesh).get(id)?.support ?? 'unknown'),
  );
  const configured: Map<string, Configuration> = workloads?.length
    ? await options.configurationReader.configure(
        mesh,
        carried,
        workloads,
        prefetched?.mesh === mesh ? await prefetched.listings : undefined,
      )
    : new Map(
        carried.map(id => [
          id,
          {
            state: 'unknown',
            reason:
              whyNoWorkloads ??
              'No running workload of the component was found in any cluster',
          },
        ]),
      );
  return { mesh, meshSource, configured };
}

/** @public */
export function createComponentEvaluator(options: {
  defaultRequirements: DefaultRequirements;
  meshSourceMode: MeshSourceMode;
  observedReader: ObservedMeshReader;
  /** Absent when `meshCoverage.configured.enabled` is false. */
  configurationReader?: ConfigurationReader;
}): ComponentEvaluator {
  return {
    async evaluate(index, component) {
      const declaration = parseComponent(
        index,
        component,
        options.defaultRequirements,
      );
      // A declared mesh's kinds are listed while the workloads are read, not after.
      const declared =
        options.meshSourceMode !== 'observed' &&
        component.annotations?.[ANNOTATION_MESH]?.trim()
          ? declaration.mesh
          : undefined;
      const prefetched =
        declared &&
        options.configurationReader &&
        hasKubernetesAnnotation(component)
          ? {
              mesh: declared,
              listings: options.configurationReader.listKinds(declared),
            }
          : undefined;
      // Bounded by meshCoverage.observed.timeout and cached; never fails the evaluation.
      const { workloads, ...observation } =
        await options.observedReader.observe(component);
      const { mesh, meshSource, configured } = await asItRuns(
        index,
        component,
        declaration,
        observation.observed,
        workloads,
        observation.observedReason?.message,
        options,
        prefetched,
      );
      const { report } = evaluateDeclaration(
        index,
        declaration,
        mesh,
        component.entityRef,
        configured,
      );
      return { declaration, report, meshSource, observation };
    },
  };
}

const KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';

/** `k=v,k2=v2` (equality requirements; anything else matches nothing). */
function parseEqualitySelector(selector: string) {
  const pairs = selector.split(',').map(part => part.trim().split('='));
  return pairs.every(pair => pair.length === 2 && pair[0])
    ? pairs.map(([k, v]) => [k.trim(), v.trim()] as const)
    : undefined;
}

/**
 * The fleet as it runs, for one snapshot: each cluster's pods and Services listed once (not once
 * per component), and every mesh kind a probe needs listed once per cluster for the whole snapshot.
 *
 * @public
 */
export interface FleetInventory {
  /** The component's mesh and configured states as it runs; undefined to count it as declared. */
  asItRuns(
    index: MatrixIndex,
    component: ComponentLike,
  ): Promise<ComponentAsItRuns | undefined>;
}

/**
 * Reads the clusters for one snapshot through `clusterReader` (give it a cache that lasts the
 * snapshot). Without the Kubernetes backend, or when a cluster's pods cannot be listed, the
 * components of that cluster count as declared.
 *
 * @public
 */
export async function readFleetInventory(options: {
  clusterReader: ClusterReader;
  defaultRequirements: DefaultRequirements;
  meshSourceMode: MeshSourceMode;
  rules: readonly DataPlaneRule[];
  configurationReader?: ConfigurationReader;
}): Promise<FleetInventory> {
  const { clusterReader } = options;
  const clusters = await clusterReader.clusters();
  const names = 'names' in clusters ? clusters.names : [];
  const listed = await Promise.all(
    names.map(async cluster => {
      const [pods, services] = await Promise.all([
        clusterReader.list(cluster, POD_KIND),
        clusterReader.list(cluster, SERVICE_KIND),
      ]);
      return 'items' in pods && 'items' in services
        ? {
            cluster,
            pods: pods.items as PodLike[],
            services: services.items as KubeObject[],
          }
        : undefined;
    }),
  );
  const readable = listed.filter(
    (c): c is NonNullable<typeof c> => c !== undefined,
  );
  const checkedAt = new Date().toISOString();
  return {
    async asItRuns(index, component) {
      const annotations = component.annotations ?? {};
      if (readable.length === 0 || !hasKubernetesAnnotation(component)) {
        return undefined;
      }
      // As the Kubernetes backend finds an entity's objects: its label selector, else its id.
      const selector = annotations['backstage.io/kubernetes-label-selector']
        ? parseEqualitySelector(
            annotations['backstage.io/kubernetes-label-selector'],
          )
        : [
            [
              'backstage.io/kubernetes-id',
              annotations['backstage.io/kubernetes-id']!.trim(),
            ] as const,
          ];
      const namespace = annotations[KUBERNETES_NAMESPACE]?.trim();
      const selects = (object: { metadata?: KubeObject['metadata'] }) =>
        !!selector &&
        (!namespace || object.metadata?.namespace === namespace) &&
        selector.every(([k, v]) => object.metadata?.labels?.[k] === v);
      const pods = readable.flatMap(c => c.pods.filter(selects));
      const workloads = readable.flatMap(c =>
        workloadsOf(
          c.cluster,
          c.pods.filter(selects),
          c.services.filter(selects),
        ),
      );
      const observed = summarizeObservedPods(pods, {
        rules: options.rules,
        clusters: readable.map(c => c.cluster),
        checkedAt,
      });
      const declaration = parseComponent(
        index,
        component,
        options.defaultRequirements,
      );
      const { mesh, configured } = await asItRuns(
        index,
        component,
        declaration,
        observed,
        workloads,
        undefined,
        options,
      );
      return { mesh, configured, declaration };
    },
  };
}

/**
 * Everything that reads components as they run, from config: the evaluator `/coverage` and the
 * scorecard facts use, and, where observed meshes are on, a reader of the fleet inventory for one
 * snapshot (its own cluster reader, kept for the whole snapshot).
 *
 * @public
 */
export function createAsItRunsReaders(options: {
  config: Config;
  index: MatrixIndex;
  defaultRequirements: DefaultRequirements;
  discovery: DiscoveryService;
  auth: AuthService;
  cache: CacheService;
  logger: LoggerService;
}): {
  evaluator: ComponentEvaluator;
  readInventory?: () => Promise<FleetInventory>;
} {
  const { config, index, defaultRequirements, discovery, auth, logger } =
    options;
  const configured = readConfiguredConfig(config, index);
  const observed = readObservedConfig(config, index);
  const meshSourceMode = readMeshSourceMode(config);
  const configurationReaderOn = (clusterReader: ClusterReader) =>
    configured.enabled
      ? createConfigurationReader({ probes: configured.probes, clusterReader })
      : undefined;
  const clusterReaderFor = (cacheTtlMs: number) =>
    createClusterReader({
      discovery,
      auth,
      logger,
      timeoutMs: configured.timeoutMs,
      cacheTtlMs,
    });
  const evaluator = createComponentEvaluator({
    defaultRequirements,
    meshSourceMode,
    observedReader: createObservedMeshReader({
      config: observed,
      discovery,
      auth,
      cache: options.cache,
      logger,
    }),
    configurationReader: configurationReaderOn(
      clusterReaderFor(configured.cacheTtlMs),
    ),
  });
  if (!observed.enabled) {
    return { evaluator };
  }
  return {
    evaluator,
    // Each kind listed once per cluster, kept for the whole snapshot.
    readInventory: () => {
      const clusterReader = clusterReaderFor(Number.POSITIVE_INFINITY);
      return readFleetInventory({
        clusterReader,
        defaultRequirements,
        meshSourceMode,
        rules: observed.rules,
        configurationReader: configurationReaderOn(clusterReader),
      });
    },
  };
}
