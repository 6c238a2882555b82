import { q, type LintRule, type RawFinding } from './types.js';

/** Days of backups the seed asks for (§6.3: automated backups kept 7 days). */
export const MIN_RETENTION_DAYS = 7;

/** Backups off or kept less than a week: databases, Redis/Valkey snapshots, table point-in-time recovery. */
export const backupRetention: LintRule = {
  id: 'sec/backup-retention',
  name: 'BackupRetention',
  title: 'Backups off or retention below 7 days',
  description: `Automated backups are off or kept fewer than ${MIN_RETENTION_DAYS} days, so a bad deploy or a ransomware attack found after the weekend cannot be undone.`,
  defaultSeverity: 'medium',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const c of view.env.components) {
      if (c.type === 'database' && c.backup.retentionDays < MIN_RETENTION_DAYS) {
        const off = c.backup.retentionDays === 0;
        found.push({
          severity: off ? 'high' : 'medium',
          message: off ? `automated backups of database ${q(c.id)} are off` : `backups of database ${q(c.id)} are kept ${c.backup.retentionDays} day(s), fewer than ${MIN_RETENTION_DAYS}`,
          hint: `set \`backup: { retentionDays: ${MIN_RETENTION_DAYS} }\` or more`,
          target: c.id,
          loc: [...c.loc, 'backup', 'retentionDays'],
        });
      }
      if (c.type === 'cache' && c.engine !== 'memcached' && c.snapshotRetentionDays < MIN_RETENTION_DAYS) {
        found.push({
          severity: 'low',
          message: c.snapshotRetentionDays === 0 ? `snapshots of cache ${q(c.id)} are off` : `snapshots of cache ${q(c.id)} are kept ${c.snapshotRetentionDays} day(s), fewer than ${MIN_RETENTION_DAYS}`,
          hint: `set \`snapshotRetentionDays: ${MIN_RETENTION_DAYS}\` if the cache holds anything you cannot rebuild`,
          target: c.id,
          loc: [...c.loc, 'snapshotRetentionDays'],
        });
      }
      if (c.type === 'nosql-table' && !c.pointInTimeRecovery) {
        found.push({
          message: `point-in-time recovery of table ${q(c.id)} is off`,
          hint: 'set `pointInTimeRecovery: true` (35 days of continuous backups)',
          target: c.id,
          loc: [...c.loc, 'pointInTimeRecovery'],
        });
      }
    }
    return found;
  },
};
