import { coversPort } from '../ports.js';
import { INTERNET } from '../types.js';
import { q, type LintRule, type RawFinding } from './types.js';

/**
 * Declared connections (the model's `connections`) that the security groups do not allow, so
 * the flow drawn in the diagrams could not happen. Judged on the reachability edges: a client
 * component stands for the Internet; connections from or to components without security groups
 * (regional services reached through IAM or endpoints) are not network flows and are skipped.
 */
export const connectionBlocked: LintRule = {
  id: 'sec/connection-blocked',
  name: 'ConnectionBlocked',
  title: 'Declared connection not allowed by the security groups',
  description: 'A connection in the model (and in its diagrams) goes between components whose security groups, placement or outbound rules do not allow it on that port, so it fails at run time.',
  defaultSeverity: 'medium',
  check({ view, reachability }) {
    const found: RawFinding[] = [];
    // First edge of each (from, to) pair, as a linear search would find it.
    const edges = new Map<string, (typeof reachability.edges)[number]>();
    for (const e of reachability.edges) {
      const key = `${e.from}\u0000${e.to}`;
      if (!edges.has(key)) edges.set(key, e);
    }
    for (const connection of view.env.connections) {
      const from = view.components.get(connection.from);
      const to = view.components.get(connection.to);
      if (!from || !to || !to.securityGroups.length) continue;
      const source = from.type === 'client' ? INTERNET : from.securityGroups.length ? from.id : undefined;
      if (!source) continue;
      const edge = edges.get(`${source}\u0000${to.id}`);
      const port = connection.port;
      if (edge && (port === undefined || edge.ports.some((range) => coversPort(range, port)))) continue;
      const what = `${connection.from} → ${connection.to}${port === undefined ? '' : ` :${port}`}`;
      const peer = source === INTERNET ? 'cidr: 0.0.0.0/0' : `securityGroup: ${from.securityGroups[0]}`;
      found.push({
        message: `connection ${q(connection.id)} (${what}) is not allowed by the security groups${edge ? ` (they allow ${edge.label})` : ''}`,
        hint: `add \`{ ${peer}, protocol: tcp, port: ${port ?? '<port>'} }\` to ${to.securityGroups[0]}'s ingress, and check the source's egress and the placement`,
        target: connection.from,
        loc: connection.loc,
      });
    }
    return found;
  },
};
