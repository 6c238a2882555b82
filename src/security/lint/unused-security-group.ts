import { q, type LintRule } from './types.js';

/** Security groups no component uses: dead rules that reviewers still have to read. */
export const unusedSecurityGroup: LintRule = {
  id: 'sec/unused-security-group',
  name: 'UnusedSecurityGroup',
  title: 'Unused security group',
  description: 'A security group is attached to no component. Its rules protect nothing, and other groups that admit it admit nobody.',
  defaultSeverity: 'low',
  check({ view }) {
    return view.env.securityGroups
      .filter((group) => !(view.attached.get(group.id) ?? []).length)
      .map((group) => ({
        message: `security group ${q(group.id)} is not attached to any component`,
        hint: 'attach it to a component (`securityGroups: [...]`) or delete it',
        target: group.id,
        loc: group.loc,
      }));
  },
};
