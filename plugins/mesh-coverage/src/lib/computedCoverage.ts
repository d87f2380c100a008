import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_COVERAGE } from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * The coverage the catalog processor wrote on the entity (`meshcoverage.io/coverage`), or
 * undefined when it wrote none (nothing required, an unknown mesh, or a value that is no
 * percentage).
 */
export function computedCoverage(entity: Entity): number | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_COVERAGE];
  if (value === undefined || !/^\d{1,3}$/.test(value)) {
    return undefined;
  }
  const coverage = Number(value);
  return coverage <= 100 ? coverage : undefined;
}
