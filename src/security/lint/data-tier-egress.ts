import { isDataStore } from '../catalog.js';
import { isWorld } from '../cidr.js';
import { permissionLabel } from '../ports.js';
import { q, type LintRule, type RawFinding } from './types.js';

/** Outbound rules to 0.0.0.0/0 on a data store's security group (the seed writes `Outbound: None`). */
export const dataTierEgress: LintRule = {
  id: 'sec/data-tier-egress',
  name: 'DataTierEgress',
  title: 'Unrestricted egress from the data tier',
  description: 'A security group attached to a database, cache or table lets traffic out to anywhere. Data stores answer connections; they should not open new ones, so exfiltration has no way out.',
  defaultSeverity: 'medium',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const group of view.env.securityGroups) {
      const stores = (view.attached.get(group.id) ?? []).filter(isDataStore);
      if (!stores.length) continue;
      for (const rule of group.egress) {
        if (rule.peer.kind !== 'cidr' || !isWorld(rule.peer.cidr)) continue;
        found.push({
          message: `security group ${q(group.id)} of data store ${stores.map((s) => q(s.id)).join(', ')} allows ${permissionLabel(rule)} out to ${rule.peer.cidr}`,
          hint: 'write `egress: none`, or list only the destinations the store needs',
          target: group.id,
          loc: rule.loc,
        });
      }
    }
    return found;
  },
};
