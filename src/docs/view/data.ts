/** Sections 4.2–4.3: databases with their connection pools, NoSQL tables, caches. */
import type { ViewContext } from './context.js';
import { nameOf, ofType, perEnvironment, say, sameIn, sayAll, yesNo } from './context.js';

const ENGINES: Readonly<Record<string, string>> = {
  'aurora-postgresql': 'Aurora PostgreSQL', 'aurora-mysql': 'Aurora MySQL', postgres: 'PostgreSQL', mysql: 'MySQL',
  redis: 'Redis', valkey: 'Valkey', memcached: 'Memcached',
};
export const engineName = (engine: string): string => ENGINES[engine] ?? engine;

/** `7.1` → `7.x`, the way the seed names a major version line. */
const majorLine = (version: string): string => `${version.split('.')[0]}.x`;

export function dataView(ctx: ViewContext) {
  const databases = ofType(ctx.env, 'database').map((d) => {
    const writer = d.instances.find((i) => i.role === 'writer');
    const readers = d.instances.filter((i) => i.role === 'reader');
    return {
      id: d.id,
      name: say(ctx, d.name),
      description: say(ctx, d.description),
      rationale: sayAll(ctx, d.rationale),
      uses: sayAll(ctx, d.uses),
      engine: engineName(d.engine),
      engineVersion: d.engineVersion,
      databaseName: d.databaseName,
      port: d.port,
      instances: d.instances.map((i) => ({
        role: ctx.messages.text(`data.role.${i.role}`),
        instanceClass: i.instanceClass,
        az: i.az,
        description: say(ctx, i.description),
      })),
      writerClass: writer?.instanceClass,
      readerCount: readers.length,
      readersPerEnvironment: perEnvironment(ctx, (env) => String(sameIn(env, d)?.instances.filter((i) => i.role === 'reader').length ?? '')),
      multiAz: perEnvironment(ctx, (env) => { const o = sameIn(env, d); return o ? yesNo(ctx, o.multiAz) : undefined; }),
      automaticFailover: d.automaticFailover,
      deletionProtection: d.deletionProtection,
      storage: { ...d.storage, type: d.storage.type.toUpperCase(), encrypted: yesNo(ctx, d.storage.encrypted) },
      backup: { retentionDays: d.backup.retentionDays, pointInTimeRecovery: yesNo(ctx, d.backup.pointInTimeRecovery), manualSnapshots: say(ctx, d.backup.manualSnapshots) },
      credentialsSecret: nameOf(ctx, d.credentialsSecret),
      pool: d.connectionPool ? { ...d.connectionPool, readWriteSplit: yesNo(ctx, d.connectionPool.readWriteSplit) } : undefined,
      readReplicaRouting: d.readReplicaRouting,
      verticalScaling: say(ctx, d.verticalScaling),
      reserved: d.reserved,
    };
  });
  const tables = ofType(ctx.env, 'nosql-table').map((t) => ({
    id: t.id,
    name: say(ctx, t.name),
    description: say(ctx, t.description),
    rationale: sayAll(ctx, t.rationale),
    uses: sayAll(ctx, t.uses),
    billingMode: ctx.messages.text(`data.billing.${t.billingMode}`),
    partitionKey: t.partitionKey,
    sortKey: t.sortKey,
    pointInTimeRecovery: yesNo(ctx, t.pointInTimeRecovery),
    encrypted: yesNo(ctx, t.encrypted),
    storageGb: t.storageGb,
    reads: t.readRequestsPerMonth,
    writes: t.writeRequestsPerMonth,
  }));
  const caches = ofType(ctx.env, 'cache').map((c) => ({
    id: c.id,
    name: say(ctx, c.name),
    description: say(ctx, c.description),
    uses: sayAll(ctx, c.uses),
    engine: engineName(c.engine),
    engineVersion: c.engineVersion,
    engineLine: majorLine(c.engineVersion),
    nodeType: perEnvironment(ctx, (env) => sameIn(env, c)?.nodeType),
    replicas: perEnvironment(ctx, (env) => { const o = sameIn(env, c); return o ? String(o.replicas) : undefined; }),
    multiAz: perEnvironment(ctx, (env) => { const o = sameIn(env, c); return o ? yesNo(ctx, o.multiAz) : undefined; }),
    automaticFailover: perEnvironment(ctx, (env) => { const o = sameIn(env, c); return o ? yesNo(ctx, o.automaticFailover) : undefined; }),
    encryptionAtRest: yesNo(ctx, c.encryptionAtRest),
    encryptionInTransit: yesNo(ctx, c.encryptionInTransit),
    snapshotRetentionDays: c.snapshotRetentionDays,
  }));
  return { databases, tables, caches, any: databases.length + tables.length > 0 };
}
