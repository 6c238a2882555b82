/** Databases with their instances, caches, secrets and DynamoDB tables. */
import type { ElementKey, ObservedDatabaseInstance, ObservedSecret, Observed } from '../cfn/observe/types.js';
import type { CacheComponent, DatabaseComponent, DatabaseInstance, NoSqlTableComponent, SecretComponent } from '../model/types.js';
import type { NetworkMatch } from './compare-network.js';
import type { DriftContext } from './context.js';
import { linkedIds, sameSet } from './links.js';
import { constructScore, pair, SCORE } from './match.js';

const known = <T>(v: { kind: string; value?: T } | undefined): T | undefined => (v?.kind === 'known' ? v.value : undefined);
const given = <T>(value: T): Observed<T> => ({ kind: 'known', value });

/** Returns the model id of the database credentials secret by the observed secret's key. */
export function compareDatabases(ctx: DriftContext, net: NetworkMatch, idOf: Map<ElementKey, string>): Map<ElementKey, string> {
  const credentials = new Map<ElementKey, string>();
  const models = ctx.env.components.filter((c): c is DatabaseComponent => c.type === 'database');
  const config = ctx.scaffold.config.database;
  const pairs = pair(models, ctx.observed.databases, (m, o) => constructScore(o.origin, config?.id === m.id ? config.constructId : undefined));
  for (const db of models) {
    const path = `components.${db.id}`;
    const o = pairs.get(db);
    if (!o) {
      ctx.missing(db.loc, path, `Database ${db.id}`, config?.id === db.id);
      continue;
    }
    idOf.set(o.origin.key, db.id);
    ctx.match(path, o.origin);
    if (db.credentialsSecret && o.credentialsSecret?.key) credentials.set(o.credentialsSecret.key, db.credentialsSecret);
    // Without a modelled credentials secret, the generated master secret is part of the database.
    else if (o.credentialsSecret?.key) ctx.match(`${path}.credentials`, ...ctx.observed.secrets.filter((s) => s.origin.key === o.credentialsSecret!.key).map((s) => s.origin));
    ctx.compare('engine', [...db.loc, 'engine'], `${path}.engine`, db.engine, o.engine, o.origin);
    ctx.compare('engineVersion', [...db.loc, 'engineVersion'], `${path}.engineVersion`, db.engineVersion, o.engineVersion, o.origin);
    // Without Port, RDS listens on the engine's default port.
    const defaultPort = /mysql/.test(known(o.engine) ?? '') ? 3306 : /postgres/.test(known(o.engine) ?? '') ? 5432 : undefined;
    ctx.compare('port', [...db.loc, 'port'], `${path}.port`, db.port, o.port ?? (defaultPort === undefined ? undefined : given(defaultPort)), o.origin);
    ctx.compare('databaseName', [...db.loc, 'databaseName'], `${path}.databaseName`, db.databaseName, o.databaseName, o.origin);
    ctx.compare('backup.retentionDays', [...db.loc, 'backup', 'retentionDays'], `${path}.backup.retentionDays`, db.backup.retentionDays, o.backupRetentionDays, o.origin);
    ctx.compare('storage.encrypted', [...db.loc, 'storage', 'encrypted'], `${path}.storage.encrypted`, db.storage.encrypted, o.storageEncrypted, o.origin);
    ctx.compare('deletionProtection', [...db.loc, 'deletionProtection'], `${path}.deletionProtection`, db.deletionProtection, o.deletionProtection, o.origin);
    ctx.compare('securityGroups', [...db.loc, 'securityGroups'], `${path}.securityGroups`, db.securityGroups, linkedIds(o.securityGroups, net.securityGroupIdOf), o.origin, { equals: sameSet });
    if (o.subnets.length) ctx.compare('subnets', [...db.loc, 'subnets'], `${path}.subnets`, db.subnets, linkedIds(o.subnets, net.subnetIdOf), o.origin, { equals: sameSet });
    const instances = pair<DatabaseInstance, ObservedDatabaseInstance>(db.instances, o.instances, (m, i) =>
      (m.role === i.role ? 4 : 0) + (m.az !== undefined && known(i.az) === m.az ? 2 : 0) + (known(i.instanceClass) === m.instanceClass ? 1 : 0), false);
    db.instances.forEach((m, index) => {
      const ipath = `${path}.instances[${index}]`;
      const i = instances.get(m);
      if (!i) {
        ctx.missing(m.loc, ipath, `Database instance ${m.role} of ${db.id}`);
        return;
      }
      ctx.match(ipath, i.origin);
      ctx.compare('role', [...m.loc, 'role'], `${ipath}.role`, m.role, given(i.role), i.origin);
      const loc = [...m.loc, 'instanceClass'];
      const scaffolded = config?.id === db.id ? config.instances[index]?.instanceType : undefined;
      const reason = ctx.notExpressedAt(loc);
      ctx.compare('instanceClass', loc, `${ipath}.instanceClass`, m.instanceClass, i.instanceClass, i.origin,
        scaffolded !== undefined && reason ? { substitute: { value: `db.${scaffolded}`, reason } } : {});
      if (m.az !== undefined) ctx.compare('az', [...m.loc, 'az'], `${ipath}.az`, m.az, i.az, i.origin);
    });
    for (const i of o.instances) {
      if (![...instances.values()].includes(i)) ctx.unmodelled(i.origin, `Database instance ${known(i.instanceClass) ?? ''} of ${db.id}`, { loc: [...db.loc, 'instances'], path: `${path}.instances` });
    }
  }
  return credentials;
}

export function compareCaches(ctx: DriftContext, net: NetworkMatch, idOf: Map<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is CacheComponent => c.type === 'cache');
  const config = ctx.scaffold.config.cache;
  const pairs = pair(models, ctx.observed.caches, (m, o) => constructScore(o.origin, config?.id === m.id ? config.constructId : undefined));
  for (const cache of models) {
    const path = `components.${cache.id}`;
    const o = pairs.get(cache);
    if (!o) {
      ctx.missing(cache.loc, path, `Cache ${cache.id}`, config?.id === cache.id);
      continue;
    }
    idOf.set(o.origin.key, cache.id);
    ctx.match(path, o.origin);
    const field = <K extends keyof CacheComponent>(name: K, observed: Observed<CacheComponent[K]> | undefined, scaffolded?: CacheComponent[K], reasonAt: string = name) => {
      const reason = ctx.notExpressedAt([...cache.loc, reasonAt]);
      ctx.compare(name, [...cache.loc, name], `${path}.${name}`, cache[name], observed, o.origin,
        scaffolded !== undefined && reason ? { substitute: { value: scaffolded, reason } } : {});
    };
    const scaffolded = config?.id === cache.id ? config : undefined;
    field('engine', o.engine as Observed<CacheComponent['engine']>);
    field('engineVersion', o.engineVersion);
    field('nodeType', o.nodeType);
    field('replicas', o.replicas);
    field('multiAz', o.multiAz, scaffolded?.multiAz);
    field('automaticFailover', o.automaticFailover, scaffolded?.automaticFailover, 'multiAz');
    field('encryptionAtRest', o.encryptionAtRest);
    field('encryptionInTransit', o.encryptionInTransit);
    field('snapshotRetentionDays', o.snapshotRetentionDays);
    ctx.compare('securityGroups', [...cache.loc, 'securityGroups'], `${path}.securityGroups`, cache.securityGroups, linkedIds(o.securityGroups, net.securityGroupIdOf), o.origin, { equals: sameSet });
    if (o.subnets.length) ctx.compare('subnets', [...cache.loc, 'subnets'], `${path}.subnets`, cache.subnets, linkedIds(o.subnets, net.subnetIdOf), o.origin, { equals: sameSet });
  }
}

export function compareSecrets(ctx: DriftContext, credentials: ReadonlyMap<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is SecretComponent => c.type === 'secret');
  const configs = new Map(ctx.scaffold.config.secrets.map((s) => [s.id, s]));
  const pairs = pair<SecretComponent, ObservedSecret>(models, ctx.observed.secrets, (m, o) =>
    Math.max(credentials.get(o.origin.key) === m.id ? SCORE.construct : 0, constructScore(o.origin, configs.get(m.id)?.constructId), known(o.name) === m.id ? SCORE.name : 0));
  for (const secret of models) {
    const path = `components.${secret.id}`;
    const o = pairs.get(secret);
    if (!o) {
      ctx.missing(secret.loc, path, `Secret ${secret.id}`, configs.has(secret.id));
      continue;
    }
    ctx.match(path, o.origin);
    const loc = [...secret.loc, 'rotationDays'];
    const reason = ctx.notExpressedAt(loc);
    const observed: Observed<number | 'none'> = o.rotationDays ?? given('none');
    ctx.compare<number | 'none'>('rotationDays', loc, `${path}.rotationDays`, secret.rotationDays ?? 'none', observed, o.origin, reason ? { substitute: { value: 'none', reason } } : {});
  }
}

export function compareTables(ctx: DriftContext): void {
  const models = ctx.env.components.filter((c): c is NoSqlTableComponent => c.type === 'nosql-table');
  const configs = new Map(ctx.scaffold.config.tables.map((t) => [t.id, t]));
  const pairs = pair(models, ctx.observed.tables, (m, o) => Math.max(constructScore(o.origin, configs.get(m.id)?.constructId), known(o.name) === m.id ? SCORE.name : 0));
  for (const table of models) {
    const path = `components.${table.id}`;
    const o = pairs.get(table);
    if (!o) {
      ctx.missing(table.loc, path, `Table ${table.id}`, configs.has(table.id));
      continue;
    }
    ctx.match(path, o.origin);
    const billing = known(o.billingMode);
    const observedBilling: Observed<string> | undefined = billing === undefined ? o.billingMode : given(billing === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned');
    const reason = ctx.notExpressedAt([...table.loc, 'billingMode']);
    ctx.compare<string>('billingMode', [...table.loc, 'billingMode'], `${path}.billingMode`, table.billingMode, observedBilling, o.origin, reason ? { substitute: { value: 'on-demand', reason } } : {});
    if (o.partitionKey) ctx.compare('partitionKey', [...table.loc, 'partitionKey'], `${path}.partitionKey`, table.partitionKey, given(o.partitionKey), o.origin);
    ctx.compare('pointInTimeRecovery', [...table.loc, 'pointInTimeRecovery'], `${path}.pointInTimeRecovery`, table.pointInTimeRecovery, o.pointInTimeRecovery, o.origin);
  }
}
