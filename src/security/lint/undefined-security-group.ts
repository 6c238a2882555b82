import { q, type LintRule, type RawFinding } from './types.js';

/**
 * References to security groups the environment does not define. A model file with such a
 * reference never loads (`ref/unknown-security-group` from semantic validation stops it with
 * file:line:col), so this rule only fires for models assembled in code: it keeps the analysis
 * honest instead of silently dropping the reference.
 */
export const undefinedSecurityGroup: LintRule = {
  id: 'sec/undefined-security-group',
  name: 'UndefinedSecurityGroup',
  title: 'Reference to an undefined security group',
  description: 'A component or a rule names a security group that the model does not define; the reference grants or attaches nothing.',
  defaultSeverity: 'high',
  check({ view }) {
    const found: RawFinding[] = [];
    const missing = (id: string): boolean => !view.groups.has(id);
    for (const component of view.env.components) {
      component.securityGroups.forEach((id, i) => {
        if (!missing(id)) return;
        found.push({
          message: `component ${q(component.id)} is attached to undefined security group ${q(id)}`,
          hint: `define ${q(id)} under securityGroups, or fix the id`,
          target: component.id,
          loc: [...component.loc, 'securityGroups', i],
        });
      });
    }
    for (const group of view.env.securityGroups) {
      for (const rule of [...group.ingress, ...group.egress]) {
        if (rule.peer.kind !== 'security-group' || !missing(rule.peer.securityGroup)) continue;
        found.push({
          message: `a rule of security group ${q(group.id)} names undefined security group ${q(rule.peer.securityGroup)}`,
          hint: `define ${q(rule.peer.securityGroup)} under securityGroups, or fix the id`,
          target: group.id,
          loc: rule.loc,
        });
      }
    }
    return found;
  },
};
