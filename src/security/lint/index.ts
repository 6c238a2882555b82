/** Every security lint rule, in id order. Add a rule: write its module and list it here. */
import { adminPortOpen } from './admin-port-open.js';
import { backupRetention } from './backup-retention.js';
import { connectionBlocked } from './connection-blocked.js';
import { dataStoreExposed } from './data-store-exposed.js';
import { dataTierEgress } from './data-tier-egress.js';
import { listenerPortBlocked } from './listener-port-blocked.js';
import { logRetention } from './log-retention.js';
import { secretStore } from './secret-store.js';
import { tlsPolicy } from './tls-policy.js';
import type { LintRule } from './types.js';
import { undefinedSecurityGroup } from './undefined-security-group.js';
import { unencryptedStorage } from './unencrypted-storage.js';
import { unusedSecurityGroup } from './unused-security-group.js';
import { widePortRange } from './wide-port-range.js';
import { worldOpenPort } from './world-open-port.js';

export const lintRules: readonly LintRule[] = [
  adminPortOpen,
  backupRetention,
  connectionBlocked,
  dataStoreExposed,
  dataTierEgress,
  listenerPortBlocked,
  logRetention,
  secretStore,
  tlsPolicy,
  undefinedSecurityGroup,
  unencryptedStorage,
  unusedSecurityGroup,
  widePortRange,
  worldOpenPort,
].sort((a, b) => a.id.localeCompare(b.id));

export type { LintContext, LintRule, RawFinding } from './types.js';
