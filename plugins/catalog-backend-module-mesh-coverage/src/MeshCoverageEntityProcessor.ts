import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  COMPUTED_ANNOTATIONS,
  coverageAnnotations,
  DefaultRequirements,
  evaluateDeclaration,
  isCoverageSubject,
  parseComponent,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MeshMatrixService } from '@meshcoverage/plugin-mesh-coverage-node';

const COMPUTED_KEYS: ReadonlySet<string> = new Set(
  Object.values(COMPUTED_ANNOTATIONS),
);

/**
 * What the processor reads: the matrix in service, the config defaults and a logger.
 *
 * @public
 */
export interface MeshCoverageEntityProcessorOptions {
  matrixService: Pick<MeshMatrixService, 'currentMatrix'>;
  defaultRequirements: DefaultRequirements;
  logger: LoggerService;
}

/**
 * Writes the computed `meshcoverage.io/*` annotations (docs/annotations.md) on `Component`
 * entities: the coverage report of `-common`, formatted. It only reads the entity and the matrix,
 * never the catalog, and never fails processing: bad input goes to `meshcoverage.io/errors` and the
 * component keeps its place in the catalog.
 *
 * @public
 */
export class MeshCoverageEntityProcessor implements CatalogProcessor {
  constructor(private readonly options: MeshCoverageEntityProcessorOptions) {}

  getProcessorName(): string {
    return 'MeshCoverageEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (!isComponent(entity.kind)) {
      return entity;
    }
    try {
      return this.annotate(entity);
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

  private annotate(entity: Entity): Entity {
    const { index } = this.options.matrixService.currentMatrix();
    // Computed keys are this processor's own: what a file says for them is replaced, not merged.
    const inputs = Object.fromEntries(
      Object.entries(entity.metadata.annotations ?? {}).filter(
        ([key]) => !COMPUTED_KEYS.has(key),
      ),
    );
    const declaration = parseComponent(
      index,
      {
        type:
          typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
        annotations: inputs,
      },
      this.options.defaultRequirements,
    );
    const coverage = evaluateDeclaration(index, declaration, declaration.mesh);
    if (!isCoverageSubject(coverage.declaration)) {
      return entity; // nothing declared, nothing required: not a mesh coverage subject
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { ...inputs, ...coverageAnnotations(coverage) },
      },
    };
  }
}

/** `kind` is case-insensitive in Backstage. */
function isComponent(kind: string): boolean {
  return kind.toLocaleLowerCase('en-US') === 'component';
}
