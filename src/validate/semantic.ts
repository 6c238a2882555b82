/**
 * Semantic rules the JSON Schema cannot express: unique ids, references that resolve, CIDR
 * containment and overlap, AZs, port and task-count ordering, and environment overrides that
 * name existing fields. Runs on schema-valid raw data so every finding has a YAML position.
 */
import ipaddr from 'ipaddr.js';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import { architectureSchema } from '../model/schema.js';
import type { NodePath, SourcePosition } from '../model/types.js';
import { fieldsOfComponentType } from './schema-messages.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Locator = { file: string; locate(path: NodePath): SourcePosition; locateKey(path: NodePath): SourcePosition };

interface Reporter {
  /** Every finding carries a hint: what to change to fix it. */
  error(path: NodePath, rule: string, message: string, hint: string, atKey?: boolean): void;
  warning(path: NodePath, rule: string, message: string, hint: string): void;
  /** Position of a node, for ordering and for messages that point at a second place ("already used at line 12"). */
  positionOf(path: NodePath): SourcePosition;
}

/** A semantic finding and the model path it is about. */
export interface Finding {
  readonly diagnostic: Diagnostic;
  readonly path: NodePath;
}

/** Every semantic finding of schema-valid model data. */
export function validateSemantics(raw: Raw, locator: Locator): Diagnostic[] {
  return semanticFindings(raw, locator).map((f) => f.diagnostic);
}

/** Like {@link validateSemantics}, keeping each finding's path (to relate it to schema errors). */
export function semanticFindings(raw: Raw, locator: Locator): Finding[] {
  const found: Finding[] = [];
  const push = (severity: 'error' | 'warning') => (path: NodePath, rule: string, message: string, hint: string, atKey = false) => {
    const { line, col } = atKey ? locator.locateKey(path) : locator.locate(path);
    found.push({ diagnostic: { file: locator.file, line, col, rule, severity, message, hint }, path });
  };
  const report: Reporter = { error: push('error'), warning: push('warning'), positionOf: (path) => locator.locate(path) };

  const components: Raw[] = raw.components ?? [];
  const groups: Raw[] = raw.securityGroups ?? [];
  const subnets: Raw[] = raw.network?.subnets ?? [];

  checkUniqueIds(report, [
    ...components.map((c, i) => ({ id: c.id, path: ['components', i, 'id'] as NodePath })),
    ...groups.map((g, i) => ({ id: g.id, path: ['securityGroups', i, 'id'] as NodePath })),
    ...subnets.map((s, i) => ({ id: s.id, path: ['network', 'subnets', i, 'id'] as NodePath })),
    { id: raw.network?.vpc?.id, path: ['network', 'vpc', 'id'] },
  ]);
  checkUniqueIds(report, (raw.connections ?? []).map((c: Raw, i: number) => ({ id: c.id, path: ['connections', i, 'id'] })));
  checkUniqueIds(report, (raw.monitoring?.alarms ?? []).map((a: Raw, i: number) => ({ id: a.id, path: ['monitoring', 'alarms', i, 'id'] })));

  const componentIds = components.map((c) => c.id as string);
  const groupIds = groups.map((g) => g.id as string);
  const subnetIds = subnets.map((s) => s.id as string);
  const typeOf = new Map(components.map((c) => [c.id as string, c.type as string]));
  // Membership through a set per candidate list: big models make thousands of references.
  const lookup = new Map<string[], Set<string>>();
  const has = (candidates: string[], id: string): boolean => {
    let set = lookup.get(candidates);
    if (!set) lookup.set(candidates, (set = new Set(candidates)));
    return set.has(id);
  };
  const ref = (path: NodePath, value: unknown, kind: 'component' | 'security-group' | 'subnet', candidates: string[], wantType?: string[]) => {
    if (value === undefined) return;
    const id = String(value);
    if (!has(candidates, id)) {
      const suggestion = didYouMean(id, candidates);
      const known = [...new Set(candidates)].sort();
      report.error(path, `ref/unknown-${kind}`, `unknown ${kind.replace('-', ' ')} "${id}"`, suggestion ? `did you mean \`${suggestion}\`?` : known.length ? `known ${kind.replace('-', ' ')}s: ${known.join(', ')}` : `declare the ${kind.replace('-', ' ')} first`);
    } else if (wantType && !wantType.includes(typeOf.get(id)!)) {
      report.error(path, 'ref/wrong-type', `"${id}" is a ${typeOf.get(id)}, expected ${wantType.join(' or ')}`, `point at a ${wantType.join(' or ')} component`);
    }
  };

  checkNetwork(report, raw.network);

  groups.forEach((g, gi) => {
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = Array.isArray(g[direction]) ? (g[direction] as Raw[]) : [];
      rules.forEach((r, ri) => {
        const path: NodePath = ['securityGroups', gi, direction, ri];
        ref([...path, 'securityGroup'], r.securityGroup, 'security-group', groupIds);
        checkRulePorts(report, r, path);
      });
    }
  });

  components.forEach((c, ci) => {
    const at = (...rest: (string | number)[]): NodePath => ['components', ci, ...rest];
    (c.securityGroups ?? []).forEach((id: string, i: number) => ref(at('securityGroups', i), id, 'security-group', groupIds));
    (c.subnets ?? []).forEach((id: string, i: number) => ref(at('subnets', i), id, 'subnet', subnetIds));
    ref(at('logGroup'), c.logGroup, 'component', componentIds, ['log-group']);
    (c.secrets ?? []).forEach((id: string, i: number) => ref(at('secrets', i), id, 'component', componentIds, ['secret']));
    ref(at('credentialsSecret'), c.credentialsSecret, 'component', componentIds, ['secret']);
    ref(at('container', 'registry'), c.container?.registry, 'component', componentIds, ['container-registry']);
    ref(at('targetGroup', 'target'), c.targetGroup?.target, 'component', componentIds);
    (c.records ?? []).forEach((r: Raw, i: number) => ref(at('records', i, 'aliasTarget'), r.aliasTarget, 'component', componentIds));
    (c.stages ?? []).forEach((s: Raw, i: number) => ref(at('stages', i, 'target'), s.target, 'component', componentIds));
    (c.permissions ?? []).forEach((p: Raw, i: number) => (p.resources ?? []).forEach((id: string, j: number) => ref(at('permissions', i, 'resources', j), id, 'component', componentIds)));
    checkTaskCounts(report, c, at());
    (c.instances ?? []).forEach((inst: Raw, i: number) => {
      if (inst.az !== undefined && !(raw.network?.availabilityZones ?? []).includes(inst.az)) {
        report.error(at('instances', i, 'az'), 'net/unknown-az', `availability zone "${inst.az}" is not in network.availabilityZones`, `use one of ${(raw.network?.availabilityZones ?? []).join(', ')}`);
      }
    });
    if (c.type === 'database' && Array.isArray(c.instances) && c.instances.filter((i: Raw) => i.role === 'writer').length !== 1) {
      report.error(at('instances'), 'model/one-writer', 'a database cluster needs exactly one writer instance', 'mark one instance `role: writer` and the others `role: reader`');
    }
  });

  (raw.connections ?? []).forEach((c: Raw, i: number) => {
    ref(['connections', i, 'from'], c.from, 'component', componentIds);
    ref(['connections', i, 'to'], c.to, 'component', componentIds);
    if (c.from === c.to) report.error(['connections', i, 'to'], 'model/self-connection', `connection "${c.id}" goes from "${c.from}" to itself`, 'connect two different components');
  });
  (raw.monitoring?.metrics ?? []).forEach((m: Raw, i: number) => ref(['monitoring', 'metrics', i, 'component'], m.component, 'component', componentIds));
  (raw.monitoring?.alarms ?? []).forEach((a: Raw, i: number) => {
    ref(['monitoring', 'alarms', i, 'component'], a.component, 'component', componentIds);
    ref(['monitoring', 'alarms', i, 'topic'], a.topic, 'component', componentIds, ['notification-topic']);
    if (a.periodSeconds % 60 !== 0 && ![10, 20, 30].includes(a.periodSeconds)) {
      report.error(['monitoring', 'alarms', i, 'periodSeconds'], 'model/alarm-period', `alarm period ${a.periodSeconds}s is not allowed by CloudWatch`, 'use 10, 20, 30 or a multiple of 60 seconds');
    }
  });
  (raw.monitoring?.logging?.logGroups ?? []).forEach((id: string, i: number) => ref(['monitoring', 'logging', 'logGroups', i], id, 'component', componentIds, ['log-group']));
  (raw.cost?.reference ?? []).forEach((r: Raw, i: number) => {
    (r.components ?? []).forEach((id: string, j: number) => ref(['cost', 'reference', i, 'components', j], id, 'component', componentIds));
    if (r.min > r.max) report.error(['cost', 'reference', i, 'min'], 'model/range-order', `reference range min ${r.min} is above max ${r.max}`, 'swap min and max');
  });
  for (const key of ['requestsPerMonth', 'dataTransferOutGb', 'natProcessedGb', 'albLcu']) {
    const r = raw.cost?.[key];
    if (r && !(r.min <= r.expected && r.expected <= r.max)) {
      report.error(['cost', key], 'model/range-order', `cost.${key} must satisfy min ≤ expected ≤ max (got ${r.min}, ${r.expected}, ${r.max})`, 'reorder the three values');
    }
  }
  (raw.suppressions ?? []).forEach((s: Raw, i: number) => ref(['suppressions', i, 'target'], s.target, 'component', [...componentIds, ...groupIds, ...subnetIds]));

  checkOverrides(report, raw);
  return found;
}

function checkUniqueIds(report: Reporter, entries: { id: unknown; path: NodePath }[]): void {
  const ids = entries.flatMap((entry) => (typeof entry.id === 'string' ? [entry.id] : []));
  if (new Set(ids).size === ids.length) return; // no duplicate: no need to place every entry in the file
  const first = new Map<string, NodePath>();
  // In file order, so the second occurrence a reader meets is the one reported.
  const ordered = entries.map((entry) => ({ ...entry, at: report.positionOf(entry.path) })).sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
  for (const { id, path } of ordered) {
    if (typeof id !== 'string') continue;
    const earlier = first.get(id);
    if (earlier) report.error(path, 'model/duplicate-id', `id "${id}" is already used at line ${report.positionOf(earlier).line} (${earlier.slice(0, -1).join('.')})`, 'rename one of them: ids must be unique across components, security groups, subnets and the VPC (and among connections and alarms)');
    else first.set(id, path);
  }
}

function checkNetwork(report: Reporter, network: Raw): void {
  const vpc = parseCidr(network.vpc.cidr);
  const zones: string[] = network.availabilityZones ?? [];
  const seen: { cidr: [ipaddr.IPv4, number]; path: NodePath; text: string }[] = [];
  (network.subnets as Raw[]).forEach((s, i) => {
    const path: NodePath = ['network', 'subnets', i];
    if (!zones.includes(s.az)) {
      const suggestion = didYouMean(s.az, zones);
      report.error([...path, 'az'], 'net/unknown-az', `subnet "${s.id}" is in availability zone "${s.az}", which network.availabilityZones does not list`, suggestion ? `did you mean \`${suggestion}\`?` : `use one of ${zones.join(', ')}`);
    }
    const cidr = parseCidr(s.cidr);
    if (!cidr || !vpc) return;
    if (cidr[0].toString() !== networkAddress(cidr)) {
      report.error([...path, 'cidr'], 'net/cidr-host-bits', `subnet CIDR ${s.cidr} has host bits set`, `write the network address: ${networkAddress(cidr)}/${cidr[1]}`);
    }
    if (!(cidr[1] >= vpc[1] && cidr[0].match(vpc))) {
      report.error([...path, 'cidr'], 'net/subnet-outside-vpc', `subnet ${s.id} (${s.cidr}) is not inside the VPC CIDR ${network.vpc.cidr}`, `pick a block inside ${network.vpc.cidr}`);
    }
    for (const other of seen) {
      if (cidr[0].match(other.cidr) || other.cidr[0].match(cidr)) {
        report.error([...path, 'cidr'], 'net/subnet-overlap', `subnet ${s.id} (${s.cidr}) overlaps ${other.text}`, 'give each subnet its own address block');
      }
    }
    seen.push({ cidr, path, text: `${s.id} (${s.cidr})` });
  });
  if (network.natGateways && network.natGateways !== 'none' && !(network.subnets as Raw[]).some((s) => s.tier === 'public')) {
    report.error(['network', 'natGateways'], 'net/nat-without-public-subnet', 'NAT gateways need a public subnet', 'add a public subnet or set `natGateways: none`');
  }
}

function parseCidr(text: string): [ipaddr.IPv4, number] | undefined {
  try {
    const [address, bits] = ipaddr.IPv4.parseCIDR(text);
    return [address, bits];
  } catch {
    return undefined;
  }
}

function networkAddress([address, bits]: [ipaddr.IPv4, number]): string {
  return ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`).toString();
}

function checkRulePorts(report: Reporter, rule: Raw, path: NodePath): void {
  if (rule.protocol === 'all') {
    if (rule.port !== undefined || rule.fromPort !== undefined) report.error([...path, 'protocol'], 'sg/ports-with-all', 'protocol `all` covers every port; remove the port fields', 'drop `port`/`fromPort`/`toPort`, or name the protocol');
    return;
  }
  const hasSingle = rule.port !== undefined;
  const hasRange = rule.fromPort !== undefined || rule.toPort !== undefined;
  if (hasSingle && hasRange) report.error([...path, 'port'], 'sg/port-and-range', 'a rule has either `port` or `fromPort`/`toPort`, not both', 'keep one form');
  else if (!hasSingle && !hasRange && rule.protocol !== 'icmp') report.error(path, 'sg/missing-port', `a ${rule.protocol} rule needs a port`, 'add `port: <n>` or `fromPort`/`toPort`');
  else if (hasRange && (rule.fromPort === undefined || rule.toPort === undefined)) report.error(path, 'sg/incomplete-range', 'a port range needs both `fromPort` and `toPort`', 'add the missing end');
  else if (hasRange && rule.fromPort > rule.toPort) report.error([...path, 'fromPort'], 'sg/port-range-order', `port range ${rule.fromPort}-${rule.toPort} is reversed`, `write fromPort: ${rule.toPort}, toPort: ${rule.fromPort}`);
}

function checkTaskCounts(report: Reporter, c: Raw, path: NodePath): void {
  if (c.type === 'container-service') {
    const desired = c.desiredTasks ?? c.minTasks;
    if (!(c.minTasks <= desired && desired <= c.maxTasks)) {
      // Point at the first count that breaks the order; without desiredTasks, minTasks is the one above maxTasks.
      const field = c.minTasks > desired || c.desiredTasks === undefined ? 'minTasks' : 'desiredTasks';
      const got = c.desiredTasks === undefined ? `minTasks ${c.minTasks} > maxTasks ${c.maxTasks}` : `${c.minTasks} ≤ ${desired} ≤ ${c.maxTasks} does not hold`;
      report.error([...path, field], 'model/task-count-order', `task counts must satisfy minTasks ≤ desiredTasks ≤ maxTasks (${got})`, 'raise maxTasks or lower minTasks/desiredTasks');
    }
    if (c.maxCpu !== undefined && c.maxCpu < c.cpu) report.error([...path, 'maxCpu'], 'model/size-order', `maxCpu ${c.maxCpu} is below cpu ${c.cpu}`, 'maxCpu is the vertical-scaling ceiling');
    if (c.maxMemory !== undefined && c.maxMemory < c.memory) report.error([...path, 'maxMemory'], 'model/size-order', `maxMemory ${c.maxMemory} is below memory ${c.memory}`, 'maxMemory is the vertical-scaling ceiling');
    if (c.launchType !== 'ec2' && !fargateMemoryFits(c.cpu, c.memory)) {
      report.error([...path, 'memory'], 'model/fargate-size', `Fargate does not offer ${c.cpu} CPU units with ${c.memory} MiB`, fargateHint(c.cpu));
    }
  }
  (c.nodeGroups ?? []).forEach((g: Raw, i: number) => {
    if (!(g.min <= g.desired && g.desired <= g.max)) {
      report.error([...path, 'nodeGroups', i, g.min > g.desired ? 'min' : 'desired'], 'model/task-count-order', `node counts must satisfy min ≤ desired ≤ max (got ${g.min} ≤ ${g.desired} ≤ ${g.max})`, 'reorder the counts');
    }
  });
  if (c.type === 'database' && c.connectionPool && c.connectionPool.minIdle > c.connectionPool.maxPoolSize) {
    report.error([...path, 'connectionPool', 'minIdle'], 'model/pool-order', `minIdle ${c.connectionPool.minIdle} is above maxPoolSize ${c.connectionPool.maxPoolSize}`, 'minIdle must not exceed maxPoolSize');
  }
}

/** Fargate's valid CPU/memory pairs (MiB). */
const FARGATE_MEMORY: Record<number, [number, number, number]> = {
  256: [512, 2048, 512], 512: [1024, 4096, 1024], 1024: [2048, 8192, 1024], 2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024], 8192: [16384, 61440, 4096], 16384: [32768, 122880, 8192],
};
function fargateMemoryFits(cpu: number, memory: number): boolean {
  const spec = FARGATE_MEMORY[cpu];
  if (!spec) return false;
  if (cpu === 256 && memory === 512) return true;
  return memory >= spec[0] && memory <= spec[1] && memory % spec[2] === 0;
}
function fargateHint(cpu: number): string {
  const spec = FARGATE_MEMORY[cpu];
  return spec ? `with ${cpu} CPU units use ${spec[0]}–${spec[1]} MiB in steps of ${spec[2]}` : 'see the Fargate task size table';
}

/** Overrides may only change fields the base model declares. */
function checkOverrides(report: Reporter, raw: Raw): void {
  for (const [env, spec] of Object.entries<Raw>(raw.environments ?? {})) {
    const overrides: Raw = spec?.overrides ?? {};
    const base = ['environments', env, 'overrides'];
    if (overrides.network) checkFieldsExist(report, overrides.network, raw.network, [...base, 'network'], 'network', schemaFields('network'));
    if (overrides.cost) checkFieldsExist(report, overrides.cost, raw.cost ?? {}, [...base, 'cost'], 'cost', schemaFields('cost'));
    const components: Raw[] = raw.components ?? [];
    const byId = new Map<unknown, Raw>();
    for (const c of components) if (!byId.has(c.id)) byId.set(c.id, c);
    for (const [id, fields] of Object.entries<Raw>(overrides.components ?? {})) {
      const target = byId.get(id);
      if (!target) {
        const suggestion = didYouMean(id, components.map((c) => c.id));
        report.error([...base, 'components', id], 'env/unknown-component', `environment "${env}" overrides unknown component "${id}"`, suggestion ? `did you mean \`${suggestion}\`?` : 'override a component id that exists', true);
        continue;
      }
      if (fields && typeof fields === 'object') checkFieldsExist(report, fields, target, [...base, 'components', id], id, fieldsOfComponentType(target.type) ?? []);
    }
  }
}

/** Top-level field names the schema knows for `network` or `cost`. */
function schemaFields(section: 'network' | 'cost'): string[] {
  const properties = architectureSchema().properties as Record<string, { properties?: Record<string, unknown> }>;
  return Object.keys(properties[section]?.properties ?? {});
}

function checkFieldsExist(report: Reporter, override: Raw, base: Raw, path: NodePath, owner: string, schemaKnown: readonly string[] = []): void {
  for (const [key, value] of Object.entries(override)) {
    if (key === 'id' || key === 'type') {
      report.error([...path, key], 'env/immutable-field', `an environment cannot change "${key}" of ${owner}`, 'declare a separate component instead', true);
      continue;
    }
    if (!(key in base)) {
      const suggestion = didYouMean(key, [...new Set([...Object.keys(base), ...schemaKnown])].filter((name) => name !== 'id' && name !== 'type'));
      const hint = schemaKnown.includes(key)
        ? `declare \`${key}\` in the base model first: an environment only changes fields the base model sets`
        : suggestion ? `did you mean \`${suggestion}\`?` : `${owner} sets: ${Object.keys(base).join(', ')}`;
      report.error([...path, key], 'env/unknown-override-field', `the override of ${owner} names field "${key}", which the base model does not set`, hint, true);
      continue;
    }
    const baseValue = base[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && baseValue && typeof baseValue === 'object' && !Array.isArray(baseValue)) {
      checkFieldsExist(report, value, baseValue, [...path, key], `${owner}.${key}`);
    }
  }
}
