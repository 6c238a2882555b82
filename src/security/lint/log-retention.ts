import { q, type LintRule, type RawFinding } from './types.js';

/** Log groups that never expire, and compute that logs nowhere the model controls. */
export const logRetention: LintRule = {
  id: 'sec/log-retention',
  name: 'LogRetention',
  title: 'Log retention missing',
  description: 'A log group has no retention period (CloudWatch keeps it forever, at a cost, with whatever personal data it holds), or a service writes logs to no log group of the model.',
  defaultSeverity: 'medium',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const c of view.env.components) {
      if (c.type === 'log-group' && c.retentionDays === undefined) {
        found.push({
          message: `log group ${q(c.id)} (${c.logGroupName}) has no retention period: logs never expire`,
          hint: 'set `retentionDays` (the seed keeps 30 days)',
          target: c.id,
          loc: c.loc,
        });
      }
      if ((c.type === 'container-service' || c.type === 'function' || c.type === 'kubernetes-cluster') && !c.logGroup) {
        found.push({
          severity: 'low',
          message: `${c.type} ${q(c.id)} names no log group, so its log retention is not set by the model`,
          hint: 'add a `log-group` component with `retentionDays` and point `logGroup` at it',
          target: c.id,
          loc: c.loc,
        });
      }
    }
    return found;
  },
};
