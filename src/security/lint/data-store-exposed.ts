import { isDataStore } from '../catalog.js';
import { isPublicCidr } from '../cidr.js';
import { permissionLabel } from '../ports.js';
import { q, type LintRule, type RawFinding } from './types.js';

/**
 * A data store whose security group admits Internet addresses, or that sits in a public
 * subnet. Either alone is reported: the rule is one placement change away from exposure and
 * the placement one rule change away.
 */
export const dataStoreExposed: LintRule = {
  id: 'sec/data-store-exposed',
  name: 'DataStoreExposed',
  title: 'Data store reachable from the Internet or in a public subnet',
  description: 'A database, cache or table admits traffic from public addresses, or is placed in a public subnet. Data stores belong in private or isolated subnets, reachable only from the application tier\'s security group.',
  defaultSeverity: 'critical',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const store of view.env.components.filter(isDataStore)) {
      for (const groupId of store.securityGroups) {
        for (const rule of view.groups.get(groupId)?.ingress ?? []) {
          if (rule.peer.kind !== 'cidr' || !isPublicCidr(rule.peer.cidr)) continue;
          found.push({
            message: `data store ${q(store.id)} is reachable from the Internet: security group ${q(groupId)} allows ${permissionLabel(rule)} from ${rule.peer.cidr}`,
            hint: `admit only the application tier, e.g. \`{ securityGroup: <app-sg>, protocol: tcp, port: <db port> }\`, and drop the CIDR rule`,
            target: store.id,
            loc: rule.loc,
          });
        }
      }
      store.subnets.forEach((id, i) => {
        if (view.subnets.get(id)?.tier !== 'public') return;
        found.push({
          severity: 'high',
          message: `data store ${q(store.id)} is placed in public subnet ${q(id)}`,
          hint: 'place data stores in private or isolated subnets',
          target: store.id,
          loc: [...store.loc, 'subnets', i],
        });
      });
    }
    return found;
  },
};
