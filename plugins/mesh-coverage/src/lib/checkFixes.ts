import {
  carriesResponsibility,
  CoverageReport,
  MatrixIndex,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** What a failed check asks the owner to do, in data form; the UI words it. */
export type CheckFix =
  | { kind: 'declare' }
  | { kind: 'fixAnnotations'; errors: string[] }
  | { kind: 'coverGap'; responsibilityId: string; meshes: string[] }
  | { kind: 'coverMtls'; meshes: string[] }
  | { kind: 'matchObserved' }
  | { kind: 'turnOn'; responsibilityIds: string[] };

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
