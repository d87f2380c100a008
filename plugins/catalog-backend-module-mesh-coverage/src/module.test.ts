import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve as resolvePath } from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { catalogModuleMeshCoverage } from './module';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

/** A component whose requires annotation is ~100 kB: 4 000 ids, most of them unknown. */
function hugeAnnotationsFile(): string {
  const ids = Array.from({ length: 4000 }, (_, i) =>
    i % 100 === 0 ? 'retries' : `not-a-responsibility-${i}`,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'mesh-huge-')), 'huge.yaml');
  writeFileSync(
    path,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: huge-annotations',
      '  annotations:',
      '    meshcoverage.io/mesh: linkerd',
      `    meshcoverage.io/requires: ${ids.join(', ')}`,
      'spec:',
      '  type: service',
      '  lifecycle: production',
      '  owner: team-a',
    ].join('\n'),
  );
  return path;
}

/** What the Linkerd component's circuit breaking comes to under each built-in edition. */
const editions = [
  {
    edition: 'current',
    covered: 'circuit-breaker,retries,mtls',
    gaps: '',
    coverage: '100',
  },
  {
    edition: 'seed',
    covered: 'retries,mtls',
    gaps: 'circuit-breaker',
    coverage: '75',
  },
];

describe.each(
  databases
    .eachSupportedId()
    .flatMap(([databaseId]) => editions.map(e => [databaseId, e] as const)),
)(
  'catalogModuleMeshCoverage in a real catalog on %s, %o edition',
  (databaseId, expected) => {
    let entities: Map<string, Entity>;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          mockServices.database.factory({ knex }),
          catalogPlugin,
          catalogModuleMeshCoverage,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Component', 'API', 'Location'] }],
                locations: [
                  {
                    type: 'file',
                    target: resolvePath(
                      __dirname,
                      '__fixtures__/entities.yaml',
                    ),
                  },
                  { type: 'file', target: hugeAnnotationsFile() },
                ],
              },
              meshCoverage: {
                matrix: { edition: expected.edition },
                defaultRequirements: { service: ['mtls', 'retries'] },
              },
            },
          }),
        ],
      });
      const { server } = backend;
      stop = () => backend.stop();
      const read = async () =>
        (
          await request(server)
            .get(
              '/api/catalog/entities/by-query?filter=kind=component,kind=api',
            )
            .set('Authorization', mockCredentials.user.header())
        ).body.items as Entity[];
      let items: Entity[] = [];
      for (let attempt = 0; attempt < 150 && items.length < 6; attempt += 1) {
        items = await read();
        if (items.length < 6) {
          await new Promise(r => setTimeout(r, 200));
        }
      }
      entities = new Map(items.map(e => [e.metadata.name, e]));
    });
    afterAll(() => stop());

    const annotations = (name: string) =>
      Object.fromEntries(
        Object.entries(entities.get(name)?.metadata.annotations ?? {}).filter(
          ([key]) => key.startsWith('meshcoverage.io/'),
        ),
      );

    it('writes the computed annotations, with config defaults for the spec.type', () => {
      expect(annotations('payments-api')).toEqual({
        'meshcoverage.io/mesh': 'linkerd',
        'meshcoverage.io/requires': 'jwt-auth, circuit-breaker',
        'meshcoverage.io/implements': 'jwt-auth',
        'meshcoverage.io/covered': expected.covered,
        'meshcoverage.io/gaps': expected.gaps,
        'meshcoverage.io/coverage': expected.coverage,
      });
    });

    it('keeps a component with a typo in the catalog, with the error and the suggestion', () => {
      expect(entities.has('search-api')).toBe(true);
      expect(annotations('search-api')).toEqual({
        'meshcoverage.io/mesh': 'istio',
        'meshcoverage.io/requires': 'circuit-braker, retries',
        'meshcoverage.io/covered': 'retries,mtls',
        'meshcoverage.io/gaps': '',
        'meshcoverage.io/coverage': '100',
        'meshcoverage.io/errors':
          "meshcoverage.io/requires: unknown responsibility 'circuit-braker' (did you mean 'circuit-breaker'?)",
      });
    });

    it('keeps a component whose mesh is unknown, with only the error', () => {
      expect(annotations('mistyped-mesh')).toEqual({
        'meshcoverage.io/mesh': 'istoi',
        'meshcoverage.io/requires': 'mtls',
        'meshcoverage.io/errors':
          "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)",
      });
    });

    it('processes a ~100 kB annotation of thousands of ids with bounded output, keeping the component', () => {
      const huge = entities.get('huge-annotations');
      expect(huge).toBeDefined();
      expect(
        huge!.metadata.annotations!['meshcoverage.io/requires'].length,
      ).toBeGreaterThan(100_000);
      const computed = annotations('huge-annotations');
      expect(computed['meshcoverage.io/covered']).toBe('retries,mtls');
      expect(computed['meshcoverage.io/coverage']).toBe('100');
      expect(computed['meshcoverage.io/errors'].length).toBeLessThan(2_000);
      expect(computed['meshcoverage.io/errors']).toMatch(
        /3950 more unknown responsibilities$/,
      );
    });

    it('leaves components that declare nothing and other kinds alone', () => {
      expect(entities.has('docs-site')).toBe(true);
      expect(annotations('docs-site')).toEqual({});
      expect(annotations('payments')).toEqual({
        'meshcoverage.io/mesh': 'istio',
      });
    });
  },
);

describe('catalogModuleMeshCoverage start-up', () => {
  it('stops the backend on a typo in meshCoverage.defaultRequirements', async () => {
    await expect(
      startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleMeshCoverage,
          mockServices.rootConfig.factory({
            data: {
              meshCoverage: { defaultRequirements: { service: ['mtsl'] } },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "meshCoverage.defaultRequirements.service[0]: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
    );
  });
});
