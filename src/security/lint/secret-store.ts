import { q, type LintRule, type RawFinding } from './types.js';

/** Environment variable names that carry credentials. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** Secrets kept anywhere but Secrets Manager: plaintext or SSM secrets, credentials in environment variables, databases without a managed password. */
export const secretStore: LintRule = {
  id: 'sec/secret-not-in-secrets-manager',
  name: 'SecretNotInSecretsManager',
  title: 'Secret not in Secrets Manager',
  description: 'A credential lives outside AWS Secrets Manager: a plaintext or SSM-parameter secret, a container environment variable that looks like a credential, or a database without a credentials secret. Secrets Manager encrypts, audits and rotates it.',
  defaultSeverity: 'high',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const c of view.env.components) {
      if (c.type === 'secret' && c.store !== 'secrets-manager') {
        found.push({
          severity: c.store === 'plaintext' ? 'high' : 'low',
          message: `secret ${q(c.id)} is stored as ${c.store === 'plaintext' ? 'plaintext' : 'an SSM parameter'}, not in Secrets Manager`,
          hint: 'set `store: secrets-manager` (and `rotationDays`)',
          target: c.id,
          loc: [...c.loc, 'store'],
        });
      }
      if (c.type === 'container-service') {
        for (const name of Object.keys(c.container.environment).sort()) {
          if (!SECRET_NAME.test(name)) continue;
          found.push({
            message: `container environment variable ${q(name)} of ${q(c.id)} looks like a credential in plain text`,
            hint: 'keep it in a `secret` component (store: secrets-manager) and list it under `secrets`',
            target: c.id,
            loc: [...c.loc, 'container', 'environment', name],
          });
        }
      }
      if (c.type === 'database' && !c.credentialsSecret) {
        found.push({
          severity: 'medium',
          message: `database ${q(c.id)} names no credentials secret`,
          hint: 'add a `secret` component with `store: secrets-manager` and set `credentialsSecret` to it',
          target: c.id,
          loc: c.loc,
        });
      }
    }
    return found;
  },
};
