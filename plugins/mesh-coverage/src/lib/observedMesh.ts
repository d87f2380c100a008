import {
  compareObservedMesh,
  CoverageReport,
  MatrixIndex,
  ObservedMesh,
} from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * What the entity page says about what runs: nothing where nobody looked (no Kubernetes
 * annotation, no Kubernetes plugin, switched off), a note where looking failed, or the comparison.
 */
export type ObservedView =
  | { kind: 'hidden' }
  | { kind: 'unavailable'; message: string }
  | {
      kind: 'observed';
      observed: ObservedMesh;
      agreement: ReturnType<typeof compareObservedMesh>;
      /**
       * The mesh the "as observed" what-if evaluates: the observed mesh (the baseline when none
       * runs), or for a partly meshed component the baseline its unmeshed pods get. Undefined when
       * what runs matches what is declared.
       */
      asObservedMesh?: string;
    };

const NOT_LOOKED_AT = [
  'disabled',
  'no-kubernetes-annotation',
  'kubernetes-unavailable',
];

/** The view of a coverage report's `observed` and `observedReason`. */
export function observedView(
  report: CoverageReport,
  index: MatrixIndex,
): ObservedView {
  const { observed, observedReason } = report;
  if (!observed) {
    return observedReason && !NOT_LOOKED_AT.includes(observedReason.reason)
      ? { kind: 'unavailable', message: observedReason.message }
      : { kind: 'hidden' };
  }
  // A report whose mesh annotation names no valid mesh carries the written value.
  const declared = index.meshIds.includes(report.mesh)
    ? report.mesh
    : undefined;
  const baseline = index.baselineTool.id;
  const agreement = compareObservedMesh(declared, observed, baseline);
  let asObservedMesh: string | undefined;
  if (agreement === 'partial') {
    asObservedMesh = baseline;
  } else if (agreement === 'differs') {
    asObservedMesh = observed.mesh ?? baseline;
  }
  return { kind: 'observed', observed, agreement, asObservedMesh };
}
