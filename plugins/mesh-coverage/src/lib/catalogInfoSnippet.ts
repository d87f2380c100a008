/** The `catalog-info.yaml` lines that opt a component into mesh coverage. */
export function catalogInfoSnippet(componentName: string): string {
  return [
    'metadata:',
    `  name: ${componentName}`,
    '  annotations:',
    '    meshcoverage.io/mesh: istio            # or linkerd, consul, vpc-lattice, cilium, kubernetes',
    '    meshcoverage.io/requires: mtls, retries, timeouts',
    '    meshcoverage.io/implements: ""         # what the service covers itself',
  ].join('\n');
}
