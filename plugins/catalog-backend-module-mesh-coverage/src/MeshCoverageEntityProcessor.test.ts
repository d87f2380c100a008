import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  builtinEdition,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MeshCoverageEntityProcessor } from './MeshCoverageEntityProcessor';

const SEED_MATRIX = builtinEdition('seed').matrix;

const loaded = {
  matrix: SEED_MATRIX,
  index: indexMatrix(SEED_MATRIX),
  meta: {
    source: 'built-in',
    loadedAt: '2026-01-01T00:00:00.000Z',
    version: 'v1',
  },
};
const matrixService = {
  currentMatrix: () => loaded,
};
const processor = new MeshCoverageEntityProcessor({
  matrixService,
  logger: mockServices.logger.mock(),
  defaultRequirements: { service: ['mtls'] },
});

const component = (
  annotations: Record<string, string>,
  type = 'service',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', annotations },
  spec: { type, lifecycle: 'production', owner: 'team-a' },
});

const annotationsOf = async (entity: Entity) =>
  (await processor.preProcessEntity(entity)).metadata.annotations;

describe('MeshCoverageEntityProcessor', () => {
  it('writes covered, gaps and coverage next to the input annotations', async () => {
    expect(
      await annotationsOf(
        component({
          'meshcoverage.io/mesh': 'linkerd',
          'meshcoverage.io/requires': 'jwt-auth, circuit-breaker',
          'meshcoverage.io/implements': 'jwt-auth',
        }),
      ),
    ).toEqual({
      'meshcoverage.io/mesh': 'linkerd',
      'meshcoverage.io/requires': 'jwt-auth, circuit-breaker',
      'meshcoverage.io/implements': 'jwt-auth',
      'meshcoverage.io/covered': 'mtls',
      'meshcoverage.io/gaps': 'circuit-breaker',
      'meshcoverage.io/coverage': '67',
    });
  });

  it('replaces computed annotations a file wrote itself', async () => {
    expect(
      await annotationsOf(
        component({
          'meshcoverage.io/mesh': 'istio',
          'meshcoverage.io/coverage': '100',
          'meshcoverage.io/errors': 'stale',
        }),
      ),
    ).toEqual({
      'meshcoverage.io/mesh': 'istio',
      'meshcoverage.io/covered': 'mtls',
      'meshcoverage.io/gaps': '',
      'meshcoverage.io/coverage': '100',
    });
  });

  it('keeps a component with a typo and reports it in meshcoverage.io/errors', async () => {
    const annotations = await annotationsOf(
      component({
        'meshcoverage.io/mesh': 'istoi',
        'meshcoverage.io/requires': 'mtls',
      }),
    );
    expect(annotations).toEqual({
      'meshcoverage.io/mesh': 'istoi',
      'meshcoverage.io/requires': 'mtls',
      'meshcoverage.io/errors':
        "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)",
    });
  });

  it('applies config defaults by spec.type to a component without annotations', async () => {
    expect(await annotationsOf(component({}))).toEqual({
      'meshcoverage.io/covered': '',
      'meshcoverage.io/gaps': 'mtls',
      'meshcoverage.io/coverage': '0',
    });
  });

  it('leaves components that declare and require nothing untouched', async () => {
    const entity = component(
      { 'backstage.io/techdocs-ref': 'dir:.' },
      'website',
    );
    expect(await processor.preProcessEntity(entity)).toBe(entity);
  });

  it('ignores other kinds', async () => {
    const api: Entity = {
      ...component({ 'meshcoverage.io/mesh': 'istio' }),
      kind: 'API',
    };
    expect(await processor.preProcessEntity(api)).toBe(api);
  });

  it('keeps the entity as it is when the matrix cannot be read', async () => {
    const logger = mockServices.logger.mock();
    const failing = new MeshCoverageEntityProcessor({
      matrixService: {
        currentMatrix: () => {
          throw new Error('boom');
        },
      },
      logger,
      defaultRequirements: {},
    });
    const entity = component({ 'meshcoverage.io/mesh': 'istio' });
    expect(await failing.preProcessEntity(entity)).toBe(entity);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not compute mesh coverage',
      {
        entity: 'default/payments-api',
        error: 'Error: boom',
      },
    );
  });
});
