import { isMeshCoverageAvailable } from './conditions';

const entity = (kind: string, annotations?: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
});

describe('isMeshCoverageAvailable', () => {
  it('is true for components with any meshcoverage.io annotation', () => {
    expect(
      isMeshCoverageAvailable(
        entity('Component', { 'meshcoverage.io/mesh': 'istio' }),
      ),
    ).toBe(true);
    expect(
      isMeshCoverageAvailable(
        entity('Component', { 'meshcoverage.io/gaps': '' }),
      ),
    ).toBe(true);
  });

  it('is true for components on Kubernetes, whose mesh can be read from their pods', () => {
    expect(
      isMeshCoverageAvailable(
        entity('Component', { 'backstage.io/kubernetes-id': 'reviews' }),
      ),
    ).toBe(true);
    expect(
      isMeshCoverageAvailable(
        entity('Component', {
          'backstage.io/kubernetes-label-selector': 'app=reviews',
        }),
      ),
    ).toBe(true);
  });

  it('is false for components without them and for other kinds', () => {
    expect(isMeshCoverageAvailable(entity('Component'))).toBe(false);
    expect(
      isMeshCoverageAvailable(
        entity('Component', { 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
    expect(
      isMeshCoverageAvailable(
        entity('API', { 'meshcoverage.io/mesh': 'istio' }),
      ),
    ).toBe(false);
  });
});
