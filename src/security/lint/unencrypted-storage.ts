import type { NodePath } from '../../model/types.js';
import { q, type LintRule, type RawFinding } from './types.js';

/** Data at rest without encryption: database storage, cache nodes, tables. */
export const unencryptedStorage: LintRule = {
  id: 'sec/unencrypted-storage',
  name: 'UnencryptedStorage',
  title: 'Unencrypted storage',
  description: 'A database, cache or table stores data without encryption at rest. Encryption cannot be turned on later without a migration, so it belongs in the first design.',
  defaultSeverity: 'high',
  check({ view }) {
    const found: RawFinding[] = [];
    const report = (id: string, what: string, loc: NodePath, hint: string): void => {
      found.push({ message: `${what} of ${q(id)} is not encrypted at rest`, hint, target: id, loc });
    };
    for (const c of view.env.components) {
      if (c.type === 'database' && !c.storage.encrypted) report(c.id, 'database storage', [...c.loc, 'storage', 'encrypted'], 'set `storage: { encrypted: true }`');
      if (c.type === 'cache' && !c.encryptionAtRest) report(c.id, 'cache data', [...c.loc, 'encryptionAtRest'], 'set `encryptionAtRest: true`');
      if (c.type === 'nosql-table' && !c.encrypted) report(c.id, 'table data', [...c.loc, 'encrypted'], 'set `encrypted: true`');
    }
    return found;
  },
};
