import {
  carriesResponsibility,
  CoverageReport,
  MatrixIndex,
  parseMeshId,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** What a failed check asks the owner to do, in data form; the UI words it. */
export type CheckFix =
  | { kind: 'declare' }
  | { kind: 'fixAnnotations'; errors: string[] }
  | { kind: 'coverGap'; responsibilityId: string; meshes: string[] }
  | { kind: 'coverMtls'; meshes: string[] }
  | { kind: 'matchObserved' }
  | { kind: 'turnOn'; responsibilityIds: string[] };

/** The checks whose facts come from the component's figures on its mesh. */
const MESH_CHECK_IDS = [
  'meshCoverageNoGaps',
  'meshCoverageMtls',
  'meshCoverageObservedMatchesDeclared',
  'meshCoverageRequirementsConfigured',
];

/** Mesh tools whose cell for a responsibility is `yes` or `partial`, matrix order. */
function meshesCovering(
  index: MatrixIndex,
  responsibilityId: string,
): string[] {
  return index.meshIds.filter(mesh => {
    const cell = index.cell(mesh, responsibilityId);
    return cell !== undefined && carriesResponsibility(cell.support);
  });
}

/**
 * The concrete fixes for a failed mesh coverage check, from the component's coverage report:
 * each gap to cover, the annotations to correct, the requirements to declare.
 */
export function fixesForCheck(
  checkId: string,
  report: CoverageReport | undefined,
  index: MatrixIndex,
  requirementsDeclared: boolean,
): CheckFix[] {
  const errors = report?.errors ?? [];
  // An unknown mesh (by the annotation's own rule) has no figures (docs/coverage.md): every check
  // that needs them fails for its annotation.
  if (
    report &&
    parseMeshId(report.mesh, index).mesh === undefined &&
    MESH_CHECK_IDS.includes(checkId)
  ) {
    return [{ kind: 'fixAnnotations', errors }];
  }
  switch (checkId) {
    case 'meshCoverageDeclared':
      return [
        ...(errors.length ? [{ kind: 'fixAnnotations' as const, errors }] : []),
        ...(requirementsDeclared ? [] : [{ kind: 'declare' as const }]),
      ];
    case 'meshCoverageNoGaps':
      return [
        ...(requirementsDeclared ? [] : [{ kind: 'declare' as const }]),
        ...(report?.gaps ?? []).map(responsibilityId => ({
          kind: 'coverGap' as const,
          responsibilityId,
          meshes: meshesCovering(index, responsibilityId),
        })),
      ];
    case 'meshCoverageMtls':
      return [{ kind: 'coverMtls', meshes: meshesCovering(index, 'mtls') }];
    case 'meshCoverageObservedMatchesDeclared':
      return [{ kind: 'matchObserved' }];
    case 'meshCoverageRequirementsConfigured':
      return [{ kind: 'turnOn', responsibilityIds: report?.turnedOff ?? [] }];
    default:
      return [];
  }
}
