/**
 * Data and supporting services of the imported model: databases with instances and roles,
 * caches, DynamoDB tables, secrets, container registries and log groups.
 */
import { known, type Link } from '../cfn/observe/types.js';
import type { ImportContext, RawModel } from './context.js';
import { displayName } from './ids.js';

const ENGINES: Record<string, string> = { 'aurora-postgresql': 'aurora-postgresql', 'aurora-mysql': 'aurora-mysql', aurora: 'aurora-mysql', postgres: 'postgres', mysql: 'mysql' };
const CACHE_ENGINES = ['redis', 'valkey', 'memcached'];
/** CloudWatch Logs' allowed retention values, the only ones the model accepts. */
const RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const ids = (ctx: ImportContext, links: readonly Link[]): string[] =>
  links.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
const placement = (subnets: string[], securityGroups: string[]): RawModel => ({
  ...(subnets.length ? { subnets } : {}), ...(securityGroups.length ? { securityGroups } : {}),
});

/**
 * A secret target attachment stands for its secret (its `Ref` is the secret's ARN): values that
 * name the attachment (a task's environment variable) refer to the secret.
 */
export function linkSecretAttachments(ctx: ImportContext): void {
  for (const secret of ctx.observed.secrets) {
    const id = ctx.modelIds.get(secret.origin.key);
    if (id) for (const attachment of secret.attachments) ctx.ownerComponent.set(attachment.key, id);
  }
}

/** RDS/Aurora databases with instances and roles, storage, backup and credentials secret. */
export function mapDatabases(ctx: ImportContext): RawModel[] {
  return ctx.observed.databases.flatMap((db) => {
    const id = ctx.modelIds.get(db.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    const rawEngine = ctx.value(db.engine, `${element}.engine`, db.origin);
    const engine = rawEngine ? ENGINES[rawEngine.toLowerCase()] : undefined;
    if (!engine) {
      ctx.report.notMapped(db.origin, rawEngine ? `engine ${rawEngine} cannot be expressed in the model (Aurora PostgreSQL/MySQL, PostgreSQL, MySQL)` : 'the engine is known only at deploy time');
      return [];
    }
    ctx.map(db.origin, id, element, db.supporting);
    const engineVersion = ctx.valueOr(db.engineVersion, 'default', `${element}.engineVersion`, db.origin, 'the template leaves the version to RDS (its default at creation)');
    const instances = db.instances.flatMap((instance) => {
      ctx.partOf(instance.origin, id, `${element}.instances`, instance.supporting);
      const instanceClass = ctx.text(instance.instanceClass, `${element}.instances`, instance.origin);
      if (!instanceClass) return [];
      const az = ctx.value(instance.az, `${element}.instances`, instance.origin);
      return [{ role: instance.role, instanceClass, ...(az ? { az } : {}) }];
    });
    if (!instances.some((i) => i.role === 'writer')) {
      if (instances[0]) {
        instances[0] = { ...instances[0], role: 'writer' };
        ctx.report.guessed(`${element}.instances`, 'writer', 'no instance is marked as the writer (promotion tier 0); the first one is', db.origin);
      } else {
        ctx.report.guessed(`${element}.instances`, 'writer db.t3.medium', 'the cluster has no instance with a literal class in the template', db.origin);
        instances.push({ role: 'writer', instanceClass: 'db.t3.medium' });
      }
    }
    const writers = instances.filter((i) => i.role === 'writer');
    for (const extra of writers.slice(1)) extra.role = 'reader';
    const zones = new Set(instances.map((i) => i.az).filter(Boolean));
    const port = ctx.value(db.port, `${element}.port`, db.origin);
    const databaseName = ctx.value(db.databaseName, `${element}.databaseName`, db.origin);
    const storageType = ctx.value(db.storageType, `${element}.storage.type`, db.origin);
    const encrypted = ctx.value(db.storageEncrypted, `${element}.storage.encrypted`, db.origin);
    const retention = ctx.value(db.backupRetentionDays, `${element}.backup.retentionDays`, db.origin);
    const deletionProtection = ctx.value(db.deletionProtection, `${element}.deletionProtection`, db.origin);
    const secret = ctx.componentOf(db.credentialsSecret);
    const readers = instances.filter((i) => i.role === 'reader').length;
    return [{
      id, type: 'database', name: displayName(db.origin, known(db.name)),
      ...placement(ids(ctx, db.subnets), ids(ctx, db.securityGroups)),
      engine, engineVersion,
      ...(databaseName && /^[A-Za-z][A-Za-z0-9_]*$/.test(databaseName) ? { databaseName } : {}),
      ...(port !== undefined ? { port } : {}),
      instances,
      ...(storageType !== undefined || encrypted !== undefined ? { storage: { ...(storageType ? { type: storageType } : {}), ...(encrypted !== undefined ? { encrypted } : {}) } } : {}),
      ...(retention !== undefined ? { backup: { retentionDays: Math.min(35, retention), pointInTimeRecovery: retention > 0 } } : {}),
      multiAz: zones.size > 1 || (engine.startsWith('aurora') && readers > 0),
      automaticFailover: engine.startsWith('aurora') && readers > 0,
      ...(deletionProtection !== undefined ? { deletionProtection } : {}),
      ...(secret && ctx.isSecret(secret) ? { credentialsSecret: secret } : {}),
    }];
  });
}

/** ElastiCache replication groups (redis, valkey, memcached). */
export function mapCaches(ctx: ImportContext): RawModel[] {
  return ctx.observed.caches.flatMap((cache) => {
    const id = ctx.modelIds.get(cache.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    const engine = ctx.value(cache.engine, `${element}.engine`, cache.origin)?.toLowerCase();
    if (!engine || !CACHE_ENGINES.includes(engine)) {
      ctx.report.notMapped(cache.origin, engine ? `engine ${engine} cannot be expressed in the model (redis, valkey, memcached)` : 'the engine is known only at deploy time');
      return [];
    }
    const nodeType = ctx.text(cache.nodeType, `${element}.nodeType`, cache.origin);
    if (!nodeType) {
      ctx.report.notMapped(cache.origin, 'the node type is known only at deploy time; the model needs it');
      return [];
    }
    ctx.map(cache.origin, id, element, cache.supporting);
    const engineVersion = ctx.valueOr(cache.engineVersion, 'default', `${element}.engineVersion`, cache.origin, 'the template leaves the version to ElastiCache');
    const replicas = ctx.value(cache.replicas, `${element}.replicas`, cache.origin);
    const flag = (key: string, value: boolean | undefined) => (value === undefined ? {} : { [key]: value });
    const snapshots = ctx.value(cache.snapshotRetentionDays, `${element}.snapshotRetentionDays`, cache.origin);
    return [{
      id, type: 'cache', name: displayName(cache.origin, known(cache.name)),
      ...placement(ids(ctx, cache.subnets), ids(ctx, cache.securityGroups)),
      engine, engineVersion, nodeType,
      ...(replicas !== undefined ? { replicas: Math.min(5, Math.max(0, replicas)) } : {}),
      ...flag('multiAz', ctx.value(cache.multiAz, `${element}.multiAz`, cache.origin)),
      ...flag('automaticFailover', ctx.value(cache.automaticFailover, `${element}.automaticFailover`, cache.origin)),
      ...flag('encryptionAtRest', ctx.value(cache.encryptionAtRest, `${element}.encryptionAtRest`, cache.origin)),
      ...flag('encryptionInTransit', ctx.value(cache.encryptionInTransit, `${element}.encryptionInTransit`, cache.origin)),
      ...(snapshots !== undefined ? { snapshotRetentionDays: Math.min(35, snapshots) } : {}),
    }];
  });
}

/** DynamoDB tables with keys, billing mode, point-in-time recovery and encryption. */
export function mapTables(ctx: ImportContext): RawModel[] {
  return ctx.observed.tables.flatMap((table) => {
    const id = ctx.modelIds.get(table.origin.key);
    if (!id) return [];
    if (!table.partitionKey) {
      ctx.report.notMapped(table.origin, 'the table has no literal partition key; the model needs one');
      return [];
    }
    const element = `components.${id}`;
    ctx.map(table.origin, id, element, table.supporting);
    const billing = ctx.value(table.billingMode, `${element}.billingMode`, table.origin);
    const pitr = ctx.value(table.pointInTimeRecovery, `${element}.pointInTimeRecovery`, table.origin);
    const encrypted = ctx.value(table.encrypted, `${element}.encrypted`, table.origin);
    return [{
      id, type: 'nosql-table', name: displayName(table.origin, known(table.name)),
      billingMode: billing === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned',
      partitionKey: table.partitionKey, ...(table.sortKey ? { sortKey: table.sortKey } : {}),
      ...(pitr !== undefined ? { pointInTimeRecovery: pitr } : {}),
      ...(encrypted !== undefined ? { encrypted } : {}),
    }];
  });
}

/** Secrets Manager secrets with their rotation. */
export function mapSecrets(ctx: ImportContext): RawModel[] {
  return ctx.observed.secrets.flatMap((secret) => {
    const id = ctx.modelIds.get(secret.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    ctx.map(secret.origin, id, element, [...secret.supporting, ...secret.attachments]);
    const description = ctx.value(secret.description, `${element}.description`, secret.origin);
    const rotation = ctx.value(secret.rotationDays, `${element}.rotationDays`, secret.origin);
    return [{
      id, type: 'secret', name: displayName(secret.origin, known(secret.name)),
      ...(description ? { description } : {}),
      store: 'secrets-manager',
      ...(rotation !== undefined && rotation >= 1 && rotation <= 365 ? { rotationDays: rotation } : {}),
    }];
  });
}

/** ECR repositories. */
export function mapRepositories(ctx: ImportContext): RawModel[] {
  return ctx.observed.repositories.flatMap((repo) => {
    const id = ctx.modelIds.get(repo.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    ctx.map(repo.origin, id, element, repo.supporting);
    const literal = known(repo.name);
    const repository = literal && /^[a-z0-9][a-z0-9._/-]*$/.test(literal) ? literal : id;
    if (repository !== literal) ctx.report.guessed(`${element}.repository`, repository, 'the repository name is generated at deploy time; the model id is used', repo.origin);
    const scanOnPush = ctx.value(repo.scanOnPush, `${element}.scanOnPush`, repo.origin);
    const immutableTags = ctx.value(repo.immutableTags, `${element}.immutableTags`, repo.origin);
    return [{
      id, type: 'container-registry', name: displayName(repo.origin, literal), repository,
      ...(scanOnPush !== undefined ? { scanOnPush } : {}), ...(immutableTags !== undefined ? { immutableTags } : {}),
    }];
  });
}

/** CloudWatch log groups with name and retention (only CloudWatch's allowed values). */
export function mapLogGroups(ctx: ImportContext): RawModel[] {
  return ctx.observed.logGroups.flatMap((group) => {
    const id = ctx.modelIds.get(group.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    ctx.map(group.origin, id, element, group.supporting);
    const logGroupName = ctx.valueOr(group.name, `/archgen/${id}`, `${element}.logGroupName`, group.origin, 'CloudFormation generates the name; the model needs one');
    const retention = group.retentionDays ? ctx.value(group.retentionDays, `${element}.retentionDays`, group.origin) : undefined;
    if (retention !== undefined && !RETENTION.includes(retention)) ctx.report.dropped(`${element}.retentionDays`, `${retention} days is not a CloudWatch Logs retention value`, group.origin, String(retention));
    return [{
      id, type: 'log-group', name: displayName(group.origin, known(group.name)), logGroupName,
      ...(retention !== undefined && RETENTION.includes(retention) ? { retentionDays: retention } : {}),
    }];
  });
}
