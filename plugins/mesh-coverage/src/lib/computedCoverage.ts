import { Entity } from '@backstage/catalog-model';
import { COMPUTED_ANNOTATIONS } from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * The coverage the catalog processor wrote on the entity (`meshcoverage.io/coverage`), or
 * undefined when it wrote none (nothing required, an unknown mesh, or a value that is no
 * percentage).
 */
export function computedCoverage(entity: Entity): number | undefined {
  const value = entity.metadata.annotations?.[COMPUTED_ANNOTATIONS.coverage];
  if (value === undefined || !/^\d{1,3}$/.test(value)) {
    return undefined;
  }
  const coverage = Number(value);
  return coverage <= 100 ? coverage : undefined;
}
