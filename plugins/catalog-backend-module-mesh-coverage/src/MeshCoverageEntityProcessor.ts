import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  COMPUTED_ANNOTATIONS,
  computedAnnotations,
  DefaultRequirements,
  evaluateComponentCoverage,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MeshMatrixService } from '@meshcoverage/plugin-mesh-coverage-node';

const COMPUTED_KEYS: ReadonlySet<string> = new Set(COMPUTED_ANNOTATIONS);

export interface MeshCoverageEntityProcessorOptions {
  matrixService: MeshMatrixService;
  defaultRequirements: DefaultRequirements;
  logger: LoggerService;
}

/**
 * Writes the computed `meshcoverage.io/*` annotations (DESIGN §5) on `Component` entities. It only
 * reads the entity and the matrix, never the catalog, and never fails processing: bad input goes
 * to `meshcoverage.io/errors` and the component keeps its place in the catalog.
 */
export class MeshCoverageEntityProcessor implements CatalogProcessor {
  constructor(private readonly options: MeshCoverageEntityProcessorOptions) {}

  getProcessorName(): string {
    return 'MeshCoverageEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'component') {
      return entity;
    }
    try {
      return await this.annotate(entity);
    } catch (error) {
      // Coverage is a decoration; losing it for one pass beats evicting the component.
      this.options.logger.warn('Could not compute mesh coverage', {
        entity: `${entity.metadata.namespace ?? 'default'}/${
          entity.metadata.name
        }`,
        error: String(error),
      });
      return entity;
    }
  }

  private async annotate(entity: Entity): Promise<Entity> {
    const { index } = await this.options.matrixService.getMatrix();
    // Computed keys are this processor's own: what a file says for them is replaced, not merged.
    const written: Record<string, string> = {};
    const annotations = entity.metadata.annotations ?? {};
    for (const key in annotations) {
      if (!COMPUTED_KEYS.has(key)) {
        written[key] = annotations[key];
      }
    }
    const type =
      typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
    const result = evaluateComponentCoverage(
      index,
      { type, annotations: written },
      { defaultRequirements: this.options.defaultRequirements },
    );
    if (
      !result.declaration.declared &&
      result.declaration.requires.length === 0
    ) {
      return entity; // nothing declared, nothing required: not a mesh coverage subject
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { ...written, ...computedAnnotations(result) },
      },
    };
  }
}
