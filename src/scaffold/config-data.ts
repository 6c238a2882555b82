/** Data-tier part of the scaffold config: secrets, the database cluster and the cache. */
import type { CacheComponent, DatabaseComponent, NoSqlTableComponent, ResolvedEnvironment, SecretComponent } from '../model/types.js';
import type { CacheConfig, DatabaseConfig, SecretConfig, TableConfig } from './config-types.js';
import { pascalCase, plainText, uniqueIds } from './names.js';
import type { NotExpressedList } from './not-expressed.js';

const where = (c: { id: string }, field?: string) => `components.${c.id}${field ? `.${field}` : ''}`;

export function secretConfigs(env: ResolvedEnvironment, report: NotExpressedList): SecretConfig[] {
  const secrets = env.components.filter((c): c is SecretComponent => c.type === 'secret');
  return secrets.flatMap((s) => {
    if (s.store !== 'secrets-manager') {
      report.add([...s.loc, 'store'], where(s, 'store'), `Secrets are generated in Secrets Manager only; store "${s.store}" is not.`);
      return [];
    }
    return [{ id: s.id, constructId: pascalCase(s.id, 'Secret'), description: plainText(s.description.en || s.name.en, 2048), rotationDays: s.rotationDays }];
  });
}

/**
 * Rotation is generated for the database credentials only (a hosted rotation function); other
 * secrets get none, since only their owner knows how to rotate them.
 */
export function reportStandaloneRotation(env: ResolvedEnvironment, database: DatabaseConfig | undefined, report: NotExpressedList): void {
  for (const s of env.components) {
    if (s.type !== 'secret' || s.store !== 'secrets-manager' || s.rotationDays === undefined || s.id === database?.credentialsSecretId) continue;
    report.add([...s.loc, 'rotationDays'], where(s, 'rotationDays'),
      'Rotation is generated for the database credentials only; only the owner of this secret knows how to rotate it, so add a rotation Lambda in your stack.');
  }
}

export function databaseConfig(env: ResolvedEnvironment, report: NotExpressedList): DatabaseConfig | undefined {
  const databases = env.components.filter((c): c is DatabaseComponent => c.type === 'database');
  for (const extra of databases.slice(1)) report.add(extra.loc, where(extra), 'Only the first database of a model is generated.');
  const db = databases[0];
  if (!db) return undefined;
  if (db.engine !== 'aurora-postgresql' && db.engine !== 'aurora-mysql') {
    report.add([...db.loc, 'engine'], where(db, 'engine'), `Only Aurora clusters are generated; engine "${db.engine}" is not.`);
    return undefined;
  }
  if (db.connectionPool) report.add([...db.loc, 'connectionPool'], where(db, 'connectionPool'), 'Connection pooling is application configuration.');
  if (db.readReplicaRouting) report.add([...db.loc, 'readReplicaRouting'], where(db, 'readReplicaRouting'), 'Read/write routing is application configuration; use the cluster reader endpoint.');
  if (db.reserved.length) report.add([...db.loc, 'reserved'], where(db, 'reserved'), 'Reserved instances are a billing purchase, not infrastructure.');
  report.add([...db.loc, 'storage'], where(db, 'storage.sizeGb'), 'Aurora storage grows automatically; the modelled size is a cost assumption only.');
  const instanceType = (instance: DatabaseComponent['instances'][number]): string => {
    const [, family] = /^db\.(t\d+g?)\.(nano|micro|small)$/.exec(instance.instanceClass) ?? [];
    if (!family) return instance.instanceClass.replace(/^db\./, '');
    report.add([...instance.loc, 'instanceClass'], `${where(db, 'instances')}.${instance.role}.instanceClass`,
      `Aurora offers no ${instance.instanceClass} (burstable classes start at medium), so CloudFormation would reject it; the app uses db.${family}.medium. Change the model to say so.`);
    return `${family}.medium`;
  };
  const secret = env.components.find((c): c is SecretComponent => c.type === 'secret' && c.id === db.credentialsSecret);
  const rotationSecurityGroupIds = rotationGroups(env, db);
  const rotationDays = secret?.rotationDays !== undefined && rotationSecurityGroupIds.length ? secret.rotationDays : undefined;
  if (secret?.rotationDays !== undefined && rotationDays === undefined) {
    report.add([...secret.loc, 'rotationDays'], where(secret, 'rotationDays'), 'No security group in the model reaches the database, so a rotation function could not connect.');
  }
  const majorVersion = db.engine === 'aurora-postgresql' ? db.engineVersion.split('.')[0]! : db.engineVersion.split('.').slice(0, 2).join('.');
  return {
    id: db.id,
    constructId: pascalCase(db.id, 'Database'),
    engine: db.engine,
    engineVersion: db.engineVersion,
    majorVersion,
    databaseName: db.databaseName,
    port: db.port,
    instances: db.instances.map((i) => ({ role: i.role, instanceType: instanceType(i), availabilityZone: i.az })),
    storageEncrypted: db.storage.encrypted,
    ioOptimized: db.storage.ioMode === 'io-optimized',
    backupRetentionDays: db.backup.retentionDays,
    deletionProtection: db.deletionProtection,
    securityGroupIds: [...db.securityGroups],
    subnetIds: [...db.subnets],
    credentialsSecretId: db.credentialsSecret ?? `${db.id}-credentials`,
    rotationDays,
    rotationSecurityGroupIds,
  };
}

/** Security groups of components that read the credentials and that the database's groups admit on its port. */
function rotationGroups(env: ResolvedEnvironment, db: DatabaseComponent): string[] {
  const admitted = new Set(env.securityGroups
    .filter((sg) => db.securityGroups.includes(sg.id))
    .flatMap((sg) => sg.ingress.filter((r) => r.peer.kind === 'security-group' && r.fromPort <= db.port && db.port <= r.toPort))
    .map((r) => (r.peer.kind === 'security-group' ? r.peer.securityGroup : '')));
  const readers = env.components.filter((c) => 'secrets' in c && db.credentialsSecret !== undefined && (c.secrets as readonly string[]).includes(db.credentialsSecret));
  return [...new Set(readers.flatMap((c) => c.securityGroups).filter((id) => admitted.has(id)))].slice(0, 1);
}

export function cacheConfig(env: ResolvedEnvironment, report: NotExpressedList): CacheConfig | undefined {
  const caches = env.components.filter((c): c is CacheComponent => c.type === 'cache');
  for (const extra of caches.slice(1)) report.add(extra.loc, where(extra), 'Only the first cache of a model is generated.');
  const cache = caches[0];
  if (!cache) return undefined;
  if (cache.engine === 'memcached') {
    report.add([...cache.loc, 'engine'], where(cache, 'engine'), 'Only Redis and Valkey replication groups are generated; Memcached is not.');
    return undefined;
  }
  const nodes = 1 + cache.replicas;
  const automaticFailover = cache.automaticFailover && nodes > 1;
  const multiAz = cache.multiAz && automaticFailover;
  if (automaticFailover !== cache.automaticFailover || multiAz !== cache.multiAz) {
    report.add([...cache.loc, 'multiAz'], where(cache, 'multiAz'), 'Multi-AZ and automatic failover need at least one replica; they are turned off.');
  }
  const port = env.securityGroups
    .filter((sg) => cache.securityGroups.includes(sg.id))
    .flatMap((sg) => sg.ingress)
    .find((r) => r.protocol === 'tcp' && r.fromPort === r.toPort)?.fromPort ?? 6379;
  return {
    id: cache.id,
    constructId: pascalCase(cache.id, 'Cache'),
    engine: cache.engine,
    engineVersion: cache.engineVersion,
    nodeType: cache.nodeType,
    port,
    nodes,
    multiAz,
    automaticFailover,
    encryptionAtRest: cache.encryptionAtRest,
    encryptionInTransit: cache.encryptionInTransit,
    snapshotRetentionDays: cache.snapshotRetentionDays,
    securityGroupIds: [...cache.securityGroups],
    subnetIds: [...cache.subnets],
  };
}

/** DynamoDB tables, billed on demand (the model has no provisioned capacity figures). */
export function tableConfigs(env: ResolvedEnvironment, report: NotExpressedList): TableConfig[] {
  const ids = uniqueIds();
  return env.components.filter((c): c is NoSqlTableComponent => c.type === 'nosql-table').map((table) => {
    if (table.billingMode === 'provisioned') {
      report.add([...table.loc, 'billingMode'], where(table, 'billingMode'), 'The model gives no read/write capacity, so the table is billed on demand.');
    }
    return {
      id: table.id,
      constructId: ids(pascalCase(table.id, 'Table')),
      partitionKey: table.partitionKey,
      sortKey: table.sortKey,
      pointInTimeRecovery: table.pointInTimeRecovery,
      awsManagedKey: table.encrypted,
    };
  });
}
