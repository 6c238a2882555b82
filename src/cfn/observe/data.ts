/** RDS/Aurora databases, ElastiCache replication groups, DynamoDB tables and Secrets Manager secrets. */
import type { CfnResource } from '../types.js';
import type { ObserveContext } from './context.js';
import type { Link, ObservedCache, ObservedDatabase, ObservedDatabaseInstance, ObservedSecret, ObservedTable, Observed } from './types.js';
import { allReferences, bool, given, items, keyOf, link, links, num, prop, str } from './values.js';

/** Subnets of a DB or cache subnet group the value names. */
function subnetGroupSubnets(ctx: ObserveContext, value: Parameters<typeof link>[0], resource: CfnResource, property: string): Link[] {
  const group = ctx.get(link(value, ctx.scope(resource))?.key);
  return group ? links(group.properties[property], ctx.scope(group)) : [];
}

function instanceOf(ctx: ObserveContext, i: CfnResource, role: 'writer' | 'reader'): ObservedDatabaseInstance {
  const scope = ctx.scope(i);
  const tier = num(i.properties.PromotionTier, scope);
  const az = str(i.properties.AvailabilityZone, scope);
  const cluster = link(i.properties.DBClusterIdentifier, scope);
  return {
    origin: ctx.claim(i),
    supporting: [],
    ...(cluster ? { cluster } : {}),
    instanceClass: str(i.properties.DBInstanceClass, scope) ?? given(''),
    ...(az ? { az } : {}),
    role,
    ...(tier?.kind === 'known' ? { promotionTier: tier.value } : {}),
  };
}

/** The secret a `{{resolve:secretsmanager:…}}` password or a `MasterUserSecret` points at. */
function credentials(ctx: ObserveContext, r: CfnResource): Link | undefined {
  const id = allReferences(r.properties.MasterUserPassword).find((ref) => ctx.get(keyOf(r.stackPath, ref))?.type === 'AWS::SecretsManager::Secret');
  return id ? link({ Ref: id }, ctx.scope(r)) : undefined;
}

export function observeDatabases(ctx: ObserveContext): ObservedDatabase[] {
  const instances = ctx.ofType('AWS::RDS::DBInstance');
  const out: ObservedDatabase[] = [];
  for (const c of ctx.ofType('AWS::RDS::DBCluster')) {
    const scope = ctx.scope(c);
    const p = c.properties;
    const key = keyOf(c.stackPath, c.logicalId);
    const members = instances.filter((i) => link(i.properties.DBClusterIdentifier, ctx.scope(i))?.key === key);
    // Writer: the lowest promotion tier, the first in template order on a tie.
    const tierOf = (i: CfnResource) => Number(i.properties.PromotionTier ?? 1);
    const writer = [...members].sort((a, b) => tierOf(a) - tierOf(b))[0];
    const credentialsSecret = credentials(ctx, c);
    const storageType = str(p.StorageType, scope);
    const name = str(p.DBClusterIdentifier, scope);
    out.push({
      origin: ctx.claim(c),
      supporting: [],
      ...(name ? { name } : {}),
      engine: str(p.Engine, scope) ?? given(''),
      engineVersion: str(p.EngineVersion, scope) ?? given(''),
      ...(p.Port !== undefined ? { port: num(p.Port, scope)! } : {}),
      ...(p.DatabaseName !== undefined ? { databaseName: str(p.DatabaseName, scope)! } : {}),
      instances: members.map((i) => instanceOf(ctx, i, i === writer ? 'writer' : 'reader')),
      backupRetentionDays: num(p.BackupRetentionPeriod, scope) ?? given(1),
      storageEncrypted: bool(p.StorageEncrypted, scope) ?? given(false),
      deletionProtection: bool(p.DeletionProtection, scope) ?? given(false),
      ...(storageType ? { storageType } : {}),
      securityGroups: links(p.VpcSecurityGroupIds, scope),
      subnets: subnetGroupSubnets(ctx, p.DBSubnetGroupName, c, 'SubnetIds'),
      ...(credentialsSecret ? { credentialsSecret } : {}),
    });
  }
  for (const i of instances.filter((x) => x.properties.DBClusterIdentifier === undefined)) {
    const scope = ctx.scope(i);
    const p = i.properties;
    const credentialsSecret = credentials(ctx, i);
    const instance = instanceOf(ctx, i, 'writer');
    const name = str(p.DBInstanceIdentifier, scope);
    out.push({
      origin: instance.origin,
      supporting: [],
      ...(name ? { name } : {}),
      engine: str(p.Engine, scope) ?? given(''),
      engineVersion: str(p.EngineVersion, scope) ?? given(''),
      ...(p.Port !== undefined ? { port: num(p.Port, scope)! } : {}),
      ...(p.DBName !== undefined ? { databaseName: str(p.DBName, scope)! } : {}),
      instances: [instance],
      backupRetentionDays: num(p.BackupRetentionPeriod, scope) ?? given(1),
      storageEncrypted: bool(p.StorageEncrypted, scope) ?? given(false),
      deletionProtection: bool(p.DeletionProtection, scope) ?? given(false),
      securityGroups: links(p.VPCSecurityGroups, scope),
      subnets: subnetGroupSubnets(ctx, p.DBSubnetGroupName, i, 'SubnetIds'),
      ...(credentialsSecret ? { credentialsSecret } : {}),
    });
  }
  return out;
}

export function observeCaches(ctx: ObserveContext): ObservedCache[] {
  return ctx.ofType('AWS::ElastiCache::ReplicationGroup').map((g) => {
    const scope = ctx.scope(g);
    const p = g.properties;
    const clusters = num(p.NumCacheClusters, scope);
    const perGroup = num(p.ReplicasPerNodeGroup, scope);
    const replicas: Observed<number> = perGroup ?? (clusters?.kind === 'known' ? given(clusters.value - 1) : clusters ?? given(0));
    const port = num(p.Port, scope);
    const name = str(p.ReplicationGroupId, scope);
    return {
      origin: ctx.claim(g),
      supporting: [],
      ...(name ? { name } : {}),
      engine: str(p.Engine, scope) ?? given('redis'),
      engineVersion: str(p.EngineVersion, scope) ?? given(''),
      nodeType: str(p.CacheNodeType, scope) ?? given(''),
      replicas,
      multiAz: bool(p.MultiAZEnabled, scope) ?? given(false),
      automaticFailover: bool(p.AutomaticFailoverEnabled, scope) ?? given(false),
      encryptionAtRest: bool(p.AtRestEncryptionEnabled, scope) ?? given(false),
      encryptionInTransit: bool(p.TransitEncryptionEnabled, scope) ?? given(false),
      snapshotRetentionDays: num(p.SnapshotRetentionLimit, scope) ?? given(0),
      ...(port ? { port } : {}),
      securityGroups: links(p.SecurityGroupIds, scope),
      subnets: subnetGroupSubnets(ctx, p.CacheSubnetGroupName, g, 'SubnetIds'),
    };
  });
}

export function observeTables(ctx: ObserveContext): ObservedTable[] {
  return ctx.ofType('AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable').map((t) => {
    const scope = ctx.scope(t);
    const p = t.properties;
    const keys = items(p.KeySchema);
    const keyName = (type: string) => keys.map((k) => (prop(k, 'KeyType') === type ? prop(k, 'AttributeName') : undefined)).find((n) => typeof n === 'string') as string | undefined;
    const partitionKey = keyName('HASH');
    const sortKey = keyName('RANGE');
    const name = str(p.TableName, scope);
    return {
      origin: ctx.claim(t),
      supporting: [],
      ...(name ? { name } : {}),
      ...(partitionKey ? { partitionKey } : {}),
      ...(sortKey ? { sortKey } : {}),
      billingMode: str(p.BillingMode, scope) ?? given('PROVISIONED'),
      pointInTimeRecovery: bool(prop(p.PointInTimeRecoverySpecification, 'PointInTimeRecoveryEnabled'), scope) ?? given(false),
      encrypted: bool(prop(p.SSESpecification, 'SSEEnabled'), scope) ?? given(false),
    };
  });
}

/** `rate(30 days)` → 30. */
function rotationDays(ctx: ObserveContext, schedule: CfnResource): Observed<number> | undefined {
  const scope = ctx.scope(schedule);
  const rules = schedule.properties.RotationRules;
  const days = num(prop(rules, 'AutomaticallyAfterDays'), scope);
  if (days) return days;
  const expression = str(prop(rules, 'ScheduleExpression'), scope);
  if (expression?.kind !== 'known') return expression as Observed<number> | undefined;
  const m = /^rate\((\d+) days?\)$/.exec(expression.value);
  return m ? given(Number(m[1])) : undefined;
}

export function observeSecrets(ctx: ObserveContext): ObservedSecret[] {
  const schedules = ctx.ofType('AWS::SecretsManager::RotationSchedule');
  const attachments = ctx.ofType('AWS::SecretsManager::SecretTargetAttachment');
  return ctx.ofType('AWS::SecretsManager::Secret').map((s) => {
    const key = keyOf(s.stackPath, s.logicalId);
    // A rotation schedule names the secret directly or through its target attachment.
    const own = attachments.filter((a) => link(a.properties.SecretId, ctx.scope(a))?.key === key);
    const via = new Set([key, ...own.map((a) => keyOf(a.stackPath, a.logicalId))]);
    const schedule = schedules.find((r) => via.has(link(r.properties.SecretId, ctx.scope(r))?.key ?? ''));
    const days = schedule ? rotationDays(ctx, schedule) : undefined;
    const description = str(s.properties.Description, ctx.scope(s));
    const name = str(s.properties.Name, ctx.scope(s));
    return {
      origin: ctx.claim(s),
      supporting: [],
      attachments: own.map((a) => ctx.origin(a)),
      ...(name ? { name } : {}),
      ...(description ? { description } : {}),
      ...(days ? { rotationDays: days } : {}),
    };
  });
}
