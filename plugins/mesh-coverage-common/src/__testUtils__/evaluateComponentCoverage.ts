import { MatrixIndex } from '../model/matrixIndex';
import {
  ComponentCoverage,
  ComponentLike,
  DefaultRequirements,
  evaluateDeclaration,
  parseComponent,
} from '../coverage/componentCoverage';

/**
 * Tests' shorthand: parses a component and evaluates it on its declared mesh, or on `meshOverride`
 * (a what-if), as the backend does in two steps.
 */
export function evaluateComponentCoverage(
  index: MatrixIndex,
  component: ComponentLike,
  options: {
    defaultRequirements?: DefaultRequirements;
    meshOverride?: string;
  } = {},
): ComponentCoverage {
  const declaration = parseComponent(
    index,
    component,
    options.defaultRequirements,
  );
  return evaluateDeclaration(
    index,
    declaration,
    options.meshOverride ?? declaration.mesh,
    component.entityRef,
  );
}
