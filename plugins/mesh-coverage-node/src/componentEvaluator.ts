import {
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
  parseComponent,
  resolveMesh,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { ConfigurationReader } from './configurationReader';
import { ObservedMeshResult, ObservedMeshReader } from './observedMeshReader';

/**
 * One component's coverage as it runs: its declaration, what its pods run, the mesh that decides
 * (annotation or pods, `meshCoverage.mesh.source`), and per requirement the mesh can carry whether
 * its configuration turns it on. `/coverage` and the scorecard facts both take it from here.
 *
 * @public
 */
export interface ComponentEvaluation {
  declaration: MeshDeclaration;
  /** Absent when there is no valid mesh (an unknown one, or none found). */
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
      // Bounded by meshCoverage.observed.timeout and cached; never fails the evaluation.
      const { workloads, ...observation } =
        await options.observedReader.observe(component);
      const { mesh, meshSource } = resolveMesh(
        component,
        declaration,
        observation.observed,
        options.meshSourceMode,
        index.baselineTool.id,
      );
      let configured: Map<string, Configuration> | undefined;
      if (mesh && options.configurationReader) {
        const carried = declaration.requires.filter(id =>
          carriesResponsibility(
            index.cellsOf(mesh).get(id)?.support ?? 'unknown',
          ),
        );
        configured = workloads?.length
          ? await options.configurationReader.configure(
              mesh,
              carried,
              workloads,
            )
          : new Map(
              carried.map(id => [
                id,
                {
                  state: 'unknown',
                  reason:
                    observation.observedReason?.message ??
                    'No running workload of the component was found in any cluster',
                },
              ]),
            );
      }
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
