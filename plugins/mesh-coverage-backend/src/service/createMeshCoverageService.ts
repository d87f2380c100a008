import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MESH,
  checkResponsibilityIds,
  CoverageReport,
  DefaultRequirements,
  evaluateComponentCoverage,
  evaluateCoverage,
  FleetAccumulator,
  FleetWhatIfAccumulator,
  parseMeshId,
  EvaluateRequest,
  FleetResponse,
  MatrixEdition,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  COVERAGE_FIELDS,
  MeshMatrixService,
  readCatalogComponents,
  toComponentLike,
} from '@meshcoverage/plugin-mesh-coverage-node';
import { serializeMatrix } from './serializeMatrix';
import { MeshCoverageService } from './types';

export interface MeshCoverageServiceOptions {
  matrixService: MeshMatrixService;
  catalog: CatalogService;
  defaultRequirements: DefaultRequirements;
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
  const { matrixService, catalog, defaultRequirements } = options;

  return {
    async getSerializedMatrix(edition?: MatrixEdition) {
      return serializeMatrix(
        edition
          ? matrixService.getEdition(edition)
          : await matrixService.getMatrix(),
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
      const { declaration, report } = evaluateComponentCoverage(
        index,
        component,
        {
          defaultRequirements,
        },
      );
      // An unknown mesh leaves nothing to evaluate; the report still carries the errors.
      return (
        report ?? {
          entityRef: component.entityRef,
          mesh: component.annotations?.[ANNOTATION_MESH]?.trim() ?? '',
          coverage: null,
          items: [],
          covered: [],
          implementedByApp: [],
          gaps: [],
          errors: declaration.errors,
        }
      );
    },

    async getFleet(
      { whatIfMesh, includeEntityRefs },
      credentials,
    ): Promise<FleetResponse> {
      const { index } = await matrixService.getMatrix();
      let whatIf: string | undefined;
      if (whatIfMesh !== undefined) {
        const mesh = parseMeshId(whatIfMesh, index, 'mesh');
        if (!whatIfMesh.trim() || !mesh.mesh || mesh.errors.length) {
          throw new InputError(
            mesh.errors.join('; ') ||
              'mesh: give one mesh id, e.g. ?mesh=istio',
          );
        }
        whatIf = mesh.mesh;
      }
      const fleetOptions = { defaultRequirements, includeEntityRefs };
      if (whatIf === undefined) {
        const today = new FleetAccumulator(index, fleetOptions);
        for await (const page of readCatalogComponents(catalog, credentials)) {
          page.forEach(component => today.add(component));
        }
        return today.summary();
      }
      const fleet = new FleetWhatIfAccumulator(index, {
        ...fleetOptions,
        whatIfMesh: whatIf,
      });
      for await (const page of readCatalogComponents(catalog, credentials)) {
        page.forEach(component => fleet.add(component));
      }
      const { today, whatIf: whatIfSummary, change } = fleet.result();
      return { ...whatIfSummary, today, change };
    },
  };
}
