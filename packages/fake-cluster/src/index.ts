/**
 * A small fake Kubernetes API server for tests and the example portal: a demo/test stand-in
 * for a real cluster that Backstage's Kubernetes backend can be pointed at.
 *
 * @packageDocumentation
 */
export { kubernetesConfigFor, startFakeCluster } from './fakeCluster';
export type {
  FakeCluster,
  FakeClusterFault,
  FakeClusterOptions,
  FakeContainer,
  FakeCrd,
  FakePod,
  FakeResource,
} from './fakeCluster';
export { DEMO_CLUSTER_TOKEN, DEMO_PODS, DEMO_RESOURCES } from './demoPods';
