import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import {
  computeConfiguredFacts,
  computeMeshCoverageFacts,
  computeObservedMeshFacts,
} from './facts';
import {
  ComponentEvaluator,
  MeshMatrixService,
  readCatalogComponents,
} from '@meshcoverage/plugin-mesh-coverage-node';

/**
 * The retriever's id: facts are stored under it and checks name it in `factIds`.
 *
 * @public
 */
export const MESH_COVERAGE_FACT_RETRIEVER_ID = 'meshCoverageFactRetriever';

/**
 * Everything about the retriever but its handler, which needs the backend's services.
 *
 * @public
 */
export const meshCoverageFactRetriever: Omit<FactRetriever, 'handler'> = {
  id: MESH_COVERAGE_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'Mesh coverage',
  description:
    'Which required infrastructure responsibilities the service mesh of a component covers, and which are gaps',
  entityFilter: [{ kind: 'component' }],
  schema: {
    hasMesh: {
      type: 'boolean',
      description: 'The component runs a service mesh',
    },
    mesh: {
      type: 'string',
      description: 'The mesh the component runs (kubernetes for none)',
    },
    coverage: {
      type: 'integer',
      description:
        'Percentage of required responsibilities covered by the mesh or the app; -1 when nothing is required or the mesh annotation names no known mesh',
    },
    gapCount: {
      type: 'integer',
      description:
        'Required responsibilities nobody covers; -1 when the mesh annotation names no known mesh (no figures: the check fails)',
    },
    unknownCount: {
      type: 'integer',
      description: 'Gaps whose matrix cell is not researched yet or missing',
    },
    mtlsCovered: {
      type: 'boolean',
      description: 'mTLS is covered by the mesh or implemented by the app',
    },
    requirementsDeclared: {
      type: 'boolean',
      description:
        'meshcoverage.io/requires names at least one valid responsibility',
    },
    annotationErrors: {
      type: 'integer',
      description: 'Problems in the meshcoverage.io input annotations',
    },
    meshObserved: {
      type: 'string',
      description:
        'The mesh its pods run, read through the Kubernetes backend (kubernetes for none); unset when not looked at or no pod runs',
    },
    meshedPodRatio: {
      type: 'float',
      description: 'Pods on the observed mesh over all its pods, 0 to 1',
    },
    meshDeclaredMatchesObserved: {
      type: 'boolean',
      description:
        'Every pod runs the declared mesh (or none, when it declares none)',
    },
    meshConfiguredRatio: {
      type: 'float',
      description:
        'Of the requirements its mesh can carry and whose configuration could be read, the share turned on (configured or by default), 0 to 1; unset when none could be read',
    },
    meshTurnedOffResponsibilities: {
      type: 'set',
      description:
        'Requirements its mesh can carry but is configured not to (e.g. Istio mTLS left PERMISSIVE)',
    },
  },
};

/** @public */
export interface MeshCoverageFactRetrieverOptions {
  matrixService: MeshMatrixService;
  catalog: CatalogService;
  auth: AuthService;
  /**
   * The component as it runs, as `/coverage` evaluates it: the same mesh source and configured
   * states.
   */
  evaluator: ComponentEvaluator;
}

/**
 * The retriever with its handler: reads every component with the module's own service
 * credentials (only the fields coverage needs, a page at a time) and computes its facts with the
 * common functions; for components with Kubernetes annotations, also what their pods run.
 *
 * @public
 */
export function createMeshCoverageFactRetriever(
  options: MeshCoverageFactRetrieverOptions,
): FactRetriever {
  return {
    ...meshCoverageFactRetriever,
    async handler() {
      const { index } = await options.matrixService.getMatrix();
      const credentials = await options.auth.getOwnServiceCredentials();
      const facts: TechInsightFact[] = [];
      for await (const page of readCatalogComponents(
        options.catalog,
        credentials,
      )) {
        for (const component of page) {
          // The component as /coverage evaluates it: its declaration and report, what runs.
          const evaluated = await options.evaluator.evaluate(index, component);
          const { observed } = evaluated.observation;
          facts.push({
            entity: parseEntityRef(component.entityRef!),
            facts: {
              ...computeMeshCoverageFacts(index, component, evaluated),
              // Unset when no configuration could be read: that check is then skipped.
              ...computeConfiguredFacts(evaluated),
              // Unset when it could not look: the observed check is then skipped, not failed.
              ...(observed &&
                computeObservedMeshFacts(index, component, observed)),
            },
          });
        }
      }
      return facts;
    },
  };
}
