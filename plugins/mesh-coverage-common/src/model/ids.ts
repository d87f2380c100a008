/** The tool ids of the built-in matrix (docs/model.md). */
export const BUILTIN_TOOL_IDS = [
  'kubernetes',
  'istio',
  'linkerd',
  'consul',
  'vpc-lattice',
  'cilium',
  'kiali',
  'x-ray',
] as const;

/** The responsibility ids of the built-in matrix, in the source document's row order. */
export const BUILTIN_RESPONSIBILITY_IDS = [
  'protocol-tcp',
  'protocol-http1',
  'protocol-http2',
  'protocol-grpc',
  'l4-load-balancing',
  'l7-load-balancing',
  'routing',
  'service-discovery',
  'cni',
  'circuit-breaker',
  'fault-injection',
  'retries',
  'timeouts',
  'rate-limiting',
  'mtls',
  'jwt-auth',
  'cert-rotation',
  'app-logs-create',
  'app-logs-ship',
  'access-logs-create',
  'access-logs-ship',
  'golden-signals-create',
  'golden-signals-ship',
  'metrics-per-endpoint',
  'trace-spans',
  'trace-export',
  'topology-datapoints',
  'topology-model',
  'sidecar',
  'sidecarless',
  'multi-cluster',
  'vm-workloads',
  'ingress-controller',
  'egress-controller',
  'custom-resources',
] as const;

/** Ids are lower-case kebab-case: `vpc-lattice`, `protocol-http1`. */
export const KEBAB_CASE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
