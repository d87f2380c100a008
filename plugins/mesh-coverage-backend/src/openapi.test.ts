import { readFileSync } from 'fs';
import { resolve as resolvePath } from 'path';
import { mockServices } from '@backstage/backend-test-utils';
import { parse as parseYaml } from 'yaml';
import { createRouter } from './router';

describe('openapi.yaml', () => {
  it('documents exactly the routes the router serves', async () => {
    const spec = parseYaml(
      readFileSync(resolvePath(__dirname, '../openapi.yaml'), 'utf8'),
    );
    const documented = Object.entries(spec.paths as Record<string, object>)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map(method => `${method} ${path}`),
      )
      .sort();
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      meshCoverage: {} as any,
    });
    const served = router.stack
      .filter((layer: any) => layer.route)
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          method => `${method} ${layer.route.path}`,
        ),
      )
      .sort();
    expect(documented).toEqual(served);
  });
});
