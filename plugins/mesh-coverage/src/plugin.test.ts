import { meshCoveragePlugin } from './plugin';

describe('meshCoveragePlugin', () => {
  it('has the mesh-coverage plugin id and a root route', () => {
    expect(meshCoveragePlugin.getId()).toBe('mesh-coverage');
    expect(meshCoveragePlugin.routes.root).toBeDefined();
  });
});
