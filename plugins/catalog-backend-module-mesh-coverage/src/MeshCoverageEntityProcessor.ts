import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  COMPUTED_ANNOTATIONS,
  CoverageAnnotator,
  createCoverageAnnotator,
  DefaultRequirements,
  MatrixIndex,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MeshMatrixService } from '@meshcoverage/plugin-mesh-coverage-node';

const COMPUTED_KEYS: ReadonlySet<string> = new Set(COMPUTED_ANNOTATIONS);

export interface MeshCoverageEntityProcessorOptions {
  matrixService: Pick<MeshMatrixService, 'currentMatrix'>;
  defaultRequirements: DefaultRequirements;
  logger: LoggerService;
}

/**
 * Writes the computed `meshcoverage.io/*` annotations (DESIGN §5) on `Component` entities. It only
 * reads the entity and the matrix, never the catalog, and never fails processing: bad input goes
 * to `meshcoverage.io/errors` and the component keeps its place in the catalog.
 */
export class MeshCoverageEntityProcessor implements CatalogProcessor {
  /** The annotator of the current matrix, prepared once per matrix (not per component). */
  private prepared?: { index: MatrixIndex; annotate: CoverageAnnotator };

  constructor(private readonly options: MeshCoverageEntityProcessorOptions) {}

  getProcessorName(): string {
    return 'MeshCoverageEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (!isComponent(entity.kind)) {
      return entity;
    }
    try {
      const { index } = this.options.matrixService.currentMatrix();
      return this.annotate(entity, this.annotatorFor(index));
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

  private annotatorFor(index: MatrixIndex): CoverageAnnotator {
    if (this.prepared?.index !== index) {
      this.prepared = {
        index,
        annotate: createCoverageAnnotator(
          index,
          this.options.defaultRequirements,
        ),
      };
    }
    return this.prepared.annotate;
  }

  private annotate(entity: Entity, annotate: CoverageAnnotator): Entity {
    const inputs = withoutComputedAnnotations(entity.metadata.annotations);
    const type =
      typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
    const annotations = annotate({ type, annotations: inputs });
    if (!annotations) {
      return entity; // nothing declared, nothing required: not a mesh coverage subject
    }
    return { ...entity, metadata: { ...entity.metadata, annotations } };
  }
}

/** `kind` is case-insensitive; the exact spelling is checked first because it is all but universal. */
function isComponent(kind: string): boolean {
  return (
    kind === 'Component' || kind.toLocaleLowerCase('en-US') === 'component'
  );
}

/**
 * Computed keys are this processor's own: what a file says for them is replaced, not merged. The
 * annotations are returned as they are when they hold none (the common case), so nothing is copied
 * twice.
 */
function withoutComputedAnnotations(
  annotations: Record<string, string> = {},
): Record<string, string> {
  if (!hasComputedAnnotation(annotations)) {
    return annotations;
  }
  const inputs: Record<string, string> = {};
  for (const key in annotations) {
    if (!COMPUTED_KEYS.has(key)) {
      inputs[key] = annotations[key];
    }
  }
  return inputs;
}

/** A plain loop over the keys: this runs for every component on every pass. */
function hasComputedAnnotation(annotations: Record<string, string>): boolean {
  for (const key of COMPUTED_ANNOTATIONS) {
    if (key in annotations) {
      return true;
    }
  }
  return false;
}
