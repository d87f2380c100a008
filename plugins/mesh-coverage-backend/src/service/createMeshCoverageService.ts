import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { kubernetesResourcesReadPermission } from '@backstage/plugin-kubernetes-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MESH,
  checkResponsibilityIds,
  CoverageReport,
  evaluateCoverage,
  parseMeshId,
  EvaluateRequest,
  FleetResponse,
  MatrixEdition,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { fleetOwners, fleetWhatIf } from './fleetSnapshot';
import {
  ComponentEvaluator,
  COVERAGE_FIELDS,
  MeshMatrixService,
  resolveOwnerRef,
  toComponentLike,
} from '@meshcoverage/plugin-mesh-coverage-node';
import { FleetSnapshots } from './FleetSnapshots';
import { serializeMatrix } from './serializeMatrix';
import { MeshCoverageService } from './types';

export interface MeshCoverageServiceOptions {
  matrixService: MeshMatrixService;
  catalog: CatalogService;
  snapshots: FleetSnapshots;
  /** Claims older than this are served with `recheck: true` (`meshCoverage.matrix.claimMaxAge`). */
  claimMaxAgeDays: number;
  /** A component as it runs: its mesh, what its pods run, what is configured. */
  evaluator: ComponentEvaluator;
  permissions: PermissionsService;
}

const DAY_MS = 24 * 3600 * 1000;
/** The range history answers when none is asked for: the last 30 days. */
const DEFAULT_RANGE_MS = 30 * DAY_MS;

function parseTime(value: string, name: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new InputError(
      `${name}: '${value}' is not a date; use ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z`,
    );
  }
  return time;
}

/** A history range in ISO 8601: `to` defaults to now, `from` to 30 days before `to`. */
function parseRange(
  from: string | undefined,
  to: string | undefined,
  retentionMs: number,
): { from: string; to: string } {
  const end = to === undefined ? Date.now() : parseTime(to, 'to');
  const start =
    from === undefined
      ? end - Math.min(DEFAULT_RANGE_MS, retentionMs)
      : parseTime(from, 'from');
  if (start > end) {
    throw new InputError(
      `from: ${new Date(start).toISOString()} is after to (${new Date(
        end,
      ).toISOString()}); give from <= to`,
    );
  }
  if (end - start > retentionMs) {
    throw new InputError(
      `from: the range is longer than the ${Math.round(
        retentionMs / DAY_MS,
      )} days snapshots are kept (meshCoverage.fleet.snapshot.retention); give a later from`,
    );
  }
  return {
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
  };
}

/** An owner as a full entity ref, as `spec.owner` is resolved (a group by default). */
function parseOwnerRef(owner: string): string {
  const ref = resolveOwnerRef(owner);
  if (!ref) {
    throw new InputError(
      `owner: malformed entity ref '${owner}' (expected e.g. group:default/team-a or team-a)`,
    );
  }
  return ref;
}

/** Parses `component:default/x`; kind and namespace default to `component` and `default`. */
function parseComponentRef(entityRef: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(entityRef, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `entityRef: malformed entity ref '${entityRef}' (expected kind:namespace/name, e.g. component:default/payments-api)`,
    );
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'component') {
    throw new InputError(
      `entityRef: '${entityRef}' is a ${parsed.kind}; mesh coverage is computed for Component entities`,
    );
  }
  return stringifyEntityRef(parsed);
}

export function createMeshCoverageService(
  options: MeshCoverageServiceOptions,
): MeshCoverageService {
  const { matrixService, catalog, snapshots } = options;

  /** A mesh id given as a query parameter, validated against the matrix in service. */
  async function parseMeshParam(value: string, name: string): Promise<string> {
    const { index } = await matrixService.getMatrix();
    const mesh = parseMeshId(value, index, name);
    if (!value.trim() || !mesh.mesh || mesh.errors.length) {
      throw new InputError(
        mesh.errors.join('; ') ||
          `${name}: give one mesh id, e.g. ?${name}=istio`,
      );
    }
    return mesh.mesh;
  }

  /**
   * The evidence of a configured state names cluster resources the plugin read with its own
   * credentials: only a caller allowed `kubernetes.resources.read` sees their names (everyone,
   * where the permission framework is off); others get the state and the kinds.
   */
  async function hideEvidenceNames(
    report: CoverageReport,
    credentials: BackstageCredentials,
  ) {
    if (!report.items.some(item => item.configured?.evidence?.length)) {
      return;
    }
    const [decision] = await options.permissions.authorize(
      [{ permission: kubernetesResourcesReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return;
    }
    for (const item of report.items) {
      if (item.configured?.evidence) {
        item.configured = {
          ...item.configured,
          evidence: item.configured.evidence.map(({ kind, effect }) => ({
            kind,
            effect,
          })),
        };
      }
    }
  }

  return {
    async getSerializedMatrix(edition?: MatrixEdition) {
      return serializeMatrix(
        edition
          ? matrixService.getEdition(edition)
          : await matrixService.getMatrix(),
        options.claimMaxAgeDays,
      );
    },

    async evaluate(request: EvaluateRequest): Promise<CoverageReport> {
      const { index } = await matrixService.getMatrix();
      const mesh = parseMeshId(request.mesh, index, 'mesh');
      const requires = checkResponsibilityIds(
        request.requires,
        index,
        'requires',
      );
      const implemented = checkResponsibilityIds(
        request.implements ?? [],
        index,
        'implements',
      );
      const errors = [
        ...mesh.errors,
        ...requires.errors,
        ...implemented.errors,
      ];
      if (errors.length || !mesh.mesh) {
        throw new InputError(errors.join('; '));
      }
      return evaluateCoverage(index, {
        mesh: mesh.mesh,
        requires: requires.ids,
        implements: implemented.ids,
      });
    },

    async getCoverage(entityRef: string, credentials: BackstageCredentials) {
      const ref = parseComponentRef(entityRef);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: [ref], fields: COVERAGE_FIELDS },
        { credentials },
      );
      const entity = items[0];
      if (!entity) {
        throw new NotFoundError(`No component '${ref}' in the catalog`);
      }
      const { index } = await matrixService.getMatrix();
      const component = toComponentLike(entity);
      const { declaration, report, meshSource, observation } =
        await options.evaluator.evaluate(index, component);
      if (report) {
        await hideEvidenceNames(report, credentials);
      }
      // An unknown mesh leaves nothing to evaluate; the report still carries the errors.
      return {
        ...(report ?? {
          entityRef: component.entityRef,
          mesh: component.annotations?.[ANNOTATION_MESH]?.trim() ?? '',
          coverage: null,
          items: [],
          covered: [],
          implementedByApp: [],
          gaps: [],
          errors: declaration.errors,
        }),
        meshSource,
        ...observation,
      };
    },

    async getFleet(
      { whatIfMesh, includeEntityRefs, live },
      credentials,
    ): Promise<FleetResponse> {
      const { index } = await matrixService.getMatrix();
      const whatIf =
        whatIfMesh === undefined
          ? undefined
          : await parseMeshParam(whatIfMesh, 'mesh');
      // Component refs are the caller's to see: they always come from the caller's own read.
      const latest =
        live || includeEntityRefs ? undefined : await snapshots.latest();
      const { summary } = latest ?? {
        summary: (await snapshots.compute(credentials, { includeEntityRefs }))
          .summary,
      };
      const source = latest ? { snapshotAt: latest.takenAt } : { live: true };
      const figures = {
        ...source,
        byOwner: fleetOwners(index, summary.groups),
        distribution: summary.distribution,
      };
      if (whatIf === undefined) {
        return { ...summary.today, ...figures };
      }
      const {
        whatIf: whatIfSummary,
        change,
        adoption,
      } = fleetWhatIf(index, summary, whatIf);
      return {
        ...whatIfSummary,
        ...figures,
        today: summary.today,
        change,
        adoption,
      };
    },

    async getFleetHistory({ from, to, mesh, owner }) {
      const range = parseRange(from, to, snapshots.retentionMs);
      const filter = {
        mesh:
          mesh === undefined ? undefined : await parseMeshParam(mesh, 'mesh'),
        owner: owner === undefined ? undefined : parseOwnerRef(owner),
      };
      const points = await snapshots.store.history(
        range.from,
        range.to,
        filter,
      );
      return {
        ...range,
        ...(filter.mesh !== undefined && { mesh: filter.mesh }),
        ...(filter.owner !== undefined && { owner: filter.owner }),
        points: points.map(point => ({
          at: point.takenAt,
          components: point.components,
          coverage: point.meanCoverage,
          gaps: point.gaps,
        })),
      };
    },

    async getCoverageHistory({ entityRef, from, to }, credentials) {
      const ref = parseComponentRef(entityRef);
      const range = parseRange(from, to, snapshots.retentionMs);
      // Only what the caller may see: the same look-up /coverage does.
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: [ref], fields: ['kind'] },
        { credentials },
      );
      if (!items[0]) {
        throw new NotFoundError(`No component '${ref}' in the catalog`);
      }
      const changes = await snapshots.store.componentHistory(
        ref,
        range.from,
        range.to,
      );
      return {
        entityRef: ref,
        ...range,
        points: changes.map(change => ({
          at: change.takenAt,
          ...(change.mesh !== undefined && { mesh: change.mesh }),
          ...(change.owner !== undefined && { owner: change.owner }),
          coverage: change.coverage,
          gaps: change.gaps,
        })),
      };
    },
  };
}
