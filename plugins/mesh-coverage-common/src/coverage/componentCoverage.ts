import {
  ANNOTATION_COVERAGE,
  ANNOTATION_COVERED,
  ANNOTATION_ERRORS,
  ANNOTATION_GAPS,
  ANNOTATION_MESH,
  ERROR_SEPARATOR,
} from '../annotations/annotations';
import { Configuration } from './types';
import { ObservedMesh } from '../observed/observedMesh';
import {
  MeshDeclaration,
  parseMeshDeclaration,
} from '../annotations/parseAnnotations';
import { MatrixIndex } from '../model/matrixIndex';
import { evaluateRequirements } from './evaluateCoverage';
import { CoverageReport, MeshSource } from './types';

/**
 * Config defaults: required responsibility ids by a component's `spec.type`.
 *
 * @public
 */
export type DefaultRequirements = Readonly<Record<string, readonly string[]>>;

/**
 * What a component looks like to coverage: its ref, `spec.type`, owner and annotations.
 *
 * @public
 */
export interface ComponentLike {
  entityRef?: string;
  type?: string;
  /** `spec.owner` as a full entity ref (the fleet's per-owner figures). */
  owner?: string;
  annotations?: Record<string, string>;
}

/**
 * A component's parsed declaration and, when its mesh is known, its coverage report.
 *
 * @public
 */
export interface ComponentCoverage {
  declaration: MeshDeclaration;
  /**
   * Absent when the component's mesh annotation names no known mesh: it then has no figures of
   * its own, only `declaration.meshError` (docs/coverage.md, "An unknown mesh").
   */
  report?: CoverageReport;
}

/**
 * Parses a component's annotations with the config defaults for its `spec.type`.
 *
 * @public
 */
export function parseComponent(
  index: MatrixIndex,
  component: ComponentLike,
  defaultRequirements: DefaultRequirements = {},
): MeshDeclaration {
  const { type } = component;
  // Own keys only: a component whose type is `constructor` has no defaults.
  const defaults =
    type !== undefined && Object.hasOwn(defaultRequirements, type)
      ? defaultRequirements[type]
      : [];
  return parseMeshDeclaration(component.annotations, index, defaults);
}

/**
 * Evaluates a parsed component on `mesh` — the one `resolveMesh` gives, or a what-if's. The one
 * rule for an unknown mesh (docs/coverage.md): `mesh` undefined, because `meshcoverage.io/mesh`
 * names no known mesh, gives no report — never figures on some other mesh. `/coverage` then
 * answers the annotation's error, the fleet counts the component as "invalid mesh" (a what-if
 * evaluates it on the what-if mesh, like every component), and every scorecard check that needs
 * figures fails with that error.
 *
 * @public
 */
export function evaluateDeclaration(
  index: MatrixIndex,
  declaration: MeshDeclaration,
  mesh: string | undefined,
  entityRef?: string,
  configured?: ReadonlyMap<string, Configuration>,
): ComponentCoverage {
  if (!mesh) {
    return { declaration };
  }
  const report = evaluateRequirements(
    index,
    mesh,
    declaration.requires,
    declaration.implements,
    declaration.errors,
    configured,
  );
  if (entityRef) {
    report.entityRef = entityRef;
  }
  return { declaration, report };
}

/**
 * Where a component's mesh may come from (`meshCoverage.mesh.source`): its `meshcoverage.io/mesh`
 * annotation, the data plane its pods run, or the annotation and, without one, the pods.
 *
 * @public
 */
export type MeshSourceMode = 'declared' | 'observed' | 'declared-or-observed';

/**
 * The mesh a component's coverage is evaluated on, and where it came from (docs/coverage.md). An
 * annotation, when the mode reads annotations, always decides — one naming an unknown mesh stays
 * an error and is never replaced by what runs. Otherwise the pods decide: the mesh most meshed
 * pods run, or `baselineMesh` (no mesh) when the component has pods and none is meshed. Without
 * either the component runs no mesh (`baselineMesh`, source `none`), as it always has.
 *
 * @public
 */
export function resolveMesh(
  component: ComponentLike,
  declaration: MeshDeclaration,
  observed: ObservedMesh | null | undefined,
  mode: MeshSourceMode,
  baselineMesh: string,
): { mesh: string | undefined; meshSource: MeshSource } {
  const annotated = !!component.annotations?.[ANNOTATION_MESH]?.trim();
  if (mode !== 'observed' && (annotated || mode === 'declared')) {
    return annotated
      ? { mesh: declaration.mesh, meshSource: 'declared' }
      : { mesh: baselineMesh, meshSource: 'none' };
  }
  if (observed && observed.pods > 0) {
    return { mesh: observed.mesh ?? baselineMesh, meshSource: 'observed' };
  }
  return { mesh: baselineMesh, meshSource: 'none' };
}

/**
 * Whether coverage concerns a component: it declares something, or its type has defaults.
 *
 * @public
 */
export function isCoverageSubject(declaration: MeshDeclaration): boolean {
  return declaration.declared || declaration.requires.length > 0;
}

/**
 * The computed annotations of a component's coverage (docs/annotations.md): `covered`, `gaps` and
 * `coverage` from its report when its mesh is valid, `errors` when any input annotation is wrong.
 *
 * @public
 */
export function coverageAnnotations({
  declaration,
  report,
}: ComponentCoverage): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (report) {
    annotations[ANNOTATION_COVERED] = report.covered.join(',');
    annotations[ANNOTATION_GAPS] = report.gaps.join(',');
    if (report.coverage !== null) {
      annotations[ANNOTATION_COVERAGE] = String(report.coverage);
    }
  }
  if (declaration.errors.length) {
    annotations[ANNOTATION_ERRORS] = declaration.errors.join(ERROR_SEPARATOR);
  }
  return annotations;
}
