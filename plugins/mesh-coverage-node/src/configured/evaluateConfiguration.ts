import { Configuration } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  ConfigProbe,
  FieldCondition,
  KindListing,
  KubeObject,
  KubernetesKind,
  ProbeResource,
  WorkloadInCluster,
} from './types';

type Evidence = NonNullable<Configuration['evidence']>[number];

/** Every value at a dotted path; `[]` steps into each element of a list. */
export function valuesAt(object: unknown, path: string): unknown[] {
  let current: unknown[] = [object];
  for (const step of path.split('.')) {
    const each = step.endsWith('[]');
    const key = each ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') {
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      if (each) {
        if (Array.isArray(child)) {
          next.push(...child);
        }
      } else if (child !== undefined) {
        next.push(child);
      }
    }
    current = next;
  }
  return current.filter(value => value !== null && value !== undefined);
}

function holds(object: KubeObject, condition: FieldCondition): boolean {
  const named = condition.annotation
    ? object.metadata?.annotations?.[condition.annotation]
    : condition.label && object.metadata?.labels?.[condition.label];
  const values =
    condition.annotation || condition.label
      ? [named].filter(value => value !== undefined && value !== '')
      : valuesAt(object, condition.path ?? '');
  if (condition.in) {
    return values.some(value => condition.in!.includes(String(value)));
  }
  if (condition.contains) {
    return values.some(value =>
      JSON.stringify(value).includes(condition.contains!),
    );
  }
  return condition.exists === false ? values.length === 0 : values.length > 0;
}

const isLabelMap = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names a Service answers to from a resource in `fromNamespace`. */
function hostNames(service: KubeObject, fromNamespace?: string): string[] {
  const name = service.metadata?.name ?? '';
  const namespace = service.metadata?.namespace ?? '';
  const names = [
    `${name}.${namespace}`,
    `${name}.${namespace}.svc`,
    `${name}.${namespace}.svc.cluster.local`,
  ];
  // A short name resolves in the resource's own namespace.
  return fromNamespace === namespace ? [name, ...names] : names;
}

function matchesHost(host: string, names: string[]): boolean {
  if (host === '*') {
    return true;
  }
  if (host.startsWith('*.')) {
    return names.some(name => name.endsWith(host.slice(1)));
  }
  return names.includes(host);
}

/**
 * How specifically a resource applies to the workload (higher wins), or undefined when it does
 * not apply.
 */
function appliesAt(
  resource: ProbeResource,
  object: KubeObject,
  workload: WorkloadInCluster,
): number | undefined {
  const base = resource.precedence ?? 10;
  const namespace = object.metadata?.namespace;
  const { selects } = resource;
  const serviceNamed = (name: string | undefined) =>
    workload.services.some(
      s =>
        s.metadata?.name === name &&
        (namespace === undefined || s.metadata?.namespace === namespace),
    );
  switch (selects.by) {
    case 'workload-selector': {
      const selector = valuesAt(object, selects.path).find(isLabelMap);
      const empty = !selector || Object.keys(selector).length === 0;
      if (!empty) {
        const matches =
          namespace === workload.namespace &&
          workload.podLabels.some(labels =>
            Object.entries(selector!).every(([k, v]) => labels[k] === v),
          );
        return matches ? base : undefined;
      }
      if (namespace === workload.namespace) {
        return base - 5;
      }
      return selects.rootNamespace && namespace === selects.rootNamespace
        ? base - 9
        : undefined;
    }
    case 'service-host': {
      const hosts = valuesAt(object, selects.path).map(String);
      return workload.services.some(service =>
        hosts.some(host => matchesHost(host, hostNames(service, namespace))),
      )
        ? base
        : undefined;
    }
    case 'service-parent-ref': {
      const refs = valuesAt(object, 'spec.parentRefs[]') as {
        kind?: string;
        group?: string;
        name?: string;
        namespace?: string;
      }[];
      return refs.some(
        ref =>
          ref.kind === 'Service' &&
          (ref.group ?? '') === '' &&
          workload.services.some(
            s =>
              s.metadata?.name === ref.name &&
              s.metadata?.namespace === (ref.namespace ?? namespace),
          ),
      )
        ? base
        : undefined;
    }
    case 'service':
      return workload.services.includes(object) ||
        serviceNamed(object.metadata?.name)
        ? base
        : undefined;
    case 'service-name': {
      const names = selects.path
        ? valuesAt(object, selects.path).map(String)
        : [object.metadata?.name ?? ''];
      return workload.services.some(service =>
        names.some(name =>
          selects.path
            ? hostNames(service, namespace).includes(name)
            : name === service.metadata?.name &&
              namespace === service.metadata?.namespace,
        ),
      )
        ? base
        : undefined;
    }
    case 'workload-namespace':
      return object.metadata?.name === workload.namespace ? base : undefined;
    case 'kuma-target-ref': {
      const targets = valuesAt(object, 'spec.to[].targetRef') as {
        kind?: string;
        name?: string;
      }[];
      const top = valuesAt(object, 'spec.targetRef')[0] as
        | { kind?: string; labels?: Record<string, string> }
        | undefined;
      const serviceNames = workload.services.map(s => s.metadata?.name);
      if (
        targets.some(
          t => t.kind === 'MeshService' && serviceNames.includes(t.name),
        ) ||
        (top?.kind === 'Dataplane' &&
          isLabelMap(top.labels) &&
          workload.podLabels.some(labels =>
            Object.entries(top.labels!).every(([k, v]) => labels[k] === v),
          ))
      ) {
        return base;
      }
      const meshWide = (t?: { kind?: string }) => !t || t.kind === 'Mesh';
      return meshWide(top) && (targets.length === 0 || targets.some(meshWide))
        ? base - 9
        : undefined;
    }
    case 'namespace':
      return namespace === workload.namespace ? base - 5 : undefined;
    case 'cluster':
      return base - 9;
    default:
      return undefined;
  }
}

interface Decision {
  level: number;
  effect: Evidence['effect'] | undefined;
  evidence: Evidence;
}

const kindKey = (kind: KubernetesKind) =>
  `${kind.group}/${kind.version}/${kind.plural}`;

/** The state in one cluster, or the listing failure that leaves it unknown. */
function inCluster(
  probe: ConfigProbe,
  workload: WorkloadInCluster,
  listing: (cluster: string, kind: KubernetesKind) => KindListing,
): { decisions: Decision[] } | { failure: string } {
  const decisions: Decision[] = [];
  for (const resource of probe.resources) {
    // The workload's own Services need no listing.
    const result: KindListing =
      resource.selects.by === 'service'
        ? { items: workload.services }
        : listing(workload.cluster, resource.kind);
    if ('failure' in result) {
      return {
        failure: `${resource.kind.kind} (${kindKey(
          resource.kind,
        )}) in cluster '${workload.cluster}': ${result.failure.message}`,
      };
    }
    for (const object of result.items) {
      const level = appliesAt(resource, object, workload);
      if (level === undefined) {
        continue;
      }
      // An explicit off wins over on within one resource (`retries.attempts: 0` has retries).
      let effect: Decision['effect'];
      if (resource.off?.some(c => holds(object, c))) {
        effect = 'off';
      } else if (resource.on.some(c => holds(object, c))) {
        effect =
          resource.defaultNamePrefix &&
          object.metadata?.name?.startsWith(resource.defaultNamePrefix)
            ? 'default'
            : 'on';
      } else if (resource.exclusive) {
        effect = 'off';
      }
      decisions.push({
        level,
        effect,
        evidence: {
          kind: resource.kind.kind,
          name: object.metadata?.name ?? '',
          ...(object.metadata?.namespace && {
            namespace: object.metadata.namespace,
          }),
          cluster: workload.cluster,
          effect: effect ?? 'off',
        },
      });
    }
  }
  return { decisions };
}

/** Fills `{{service}}` and `{{namespace}}` with the component's first Service. */
function fillFix(fix: string | undefined, workloads: WorkloadInCluster[]) {
  const service = workloads.flatMap(w => w.services)[0];
  if (!fix || !service) {
    return undefined;
  }
  return fix
    .replace(/\{\{service\}\}/g, service.metadata?.name ?? '')
    .replace(/\{\{namespace\}\}/g, service.metadata?.namespace ?? '');
}

/**
 * A responsibility's configured state for a component, from the resources of each cluster its
 * workload runs in. In each cluster the most specific resources that turn it on or off decide
 * (`on` wins among equals); without any, the probe's default holds. Across clusters, `no` anywhere
 * is `no`, and a kind that could not be listed makes the answer `unknown`.
 *
 * @public
 */
export function evaluateConfiguration(
  probe: ConfigProbe,
  workloads: readonly WorkloadInCluster[],
  listing: (cluster: string, kind: KubernetesKind) => KindListing,
): Configuration {
  if (workloads.length === 0) {
    return {
      state: 'unknown',
      reason: 'No running workload of the component was found in any cluster',
    };
  }
  const states: Configuration[] = [];
  for (const workload of workloads) {
    const result = inCluster(probe, workload, listing);
    if ('failure' in result) {
      return { state: 'unknown', reason: `Could not read ${result.failure}` };
    }
    const deciding = result.decisions.filter(d => d.effect);
    const top = Math.max(...deciding.map(d => d.level));
    const decisive = deciding.filter(d => d.level === top);
    if (decisive.length === 0) {
      states.push(
        probe.default === 'on'
          ? { state: 'default', description: probe.description }
          : { state: 'no', description: probe.description },
      );
    } else {
      // Among the most specific: turned on beats the mesh's own default beats turned off.
      const [state, effect] =
        (
          [
            ['yes', 'on'],
            ['default', 'default'],
          ] as const
        ).find(([, e]) => decisive.some(d => d.effect === e)) ??
        (['no', 'off'] as const);
      states.push({
        state,
        evidence: decisive
          .filter(d => d.effect === effect)
          .map(d => d.evidence),
        description: probe.description,
      });
    }
  }
  const no = states.find(s => s.state === 'no');
  if (no) {
    const evidence = states.flatMap(s =>
      s.state === 'no' ? s.evidence ?? [] : [],
    );
    const fix = fillFix(probe.fix, [...workloads]);
    return {
      state: 'no',
      ...(evidence.length && { evidence }),
      description: probe.description,
      ...(fix && { fix }),
    };
  }
  const yes = states.filter(s => s.state === 'yes');
  if (yes.length) {
    return {
      state: 'yes',
      evidence: yes.flatMap(s => s.evidence ?? []),
      description: probe.description,
    };
  }
  // Every cluster holds the default: by the mesh's own default policy, or by none at all.
  const evidence = states.flatMap(s => s.evidence ?? []);
  return {
    state: 'default',
    ...(evidence.length && { evidence }),
    description: probe.description,
  };
}
