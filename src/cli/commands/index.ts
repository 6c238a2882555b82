/**
 * The one place CLI commands are plugged in. Each command's module is imported only when that
 * command runs (or for the full `--help`), so `archgen validate` does not load Chromium drivers,
 * the AWS SDK or the site builder.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export type Registrar = (program: Command, context: CommandContext) => void;

export interface CommandModule {
  /** Command name as typed on the command line. */
  readonly name: string;
  readonly load: () => Promise<Registrar>;
}

export const commandModules: readonly CommandModule[] = [
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'generate', load: async () => (await import('./generate.js')).registerGenerate },
  { name: 'check', load: async () => (await import('./check.js')).registerCheck },
  { name: 'schema', load: async () => (await import('./schema.js')).registerSchema },
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  { name: 'render', load: async () => (await import('./render.js')).registerRender },
  { name: 'security', load: async () => (await import('./security.js')).registerSecurity },
  { name: 'cost', load: async () => (await import('./cost.js')).registerCost },
  { name: 'pricing', load: async () => (await import('./pricing.js')).registerPricing },
  { name: 'scaffold', load: async () => (await import('./scaffold.js')).registerScaffold },
  { name: 'compare', load: async () => (await import('./compare.js')).registerCompare },
  { name: 'drift', load: async () => (await import('./drift.js')).registerDrift },
  { name: 'site', load: async () => (await import('./site.js')).registerSite },
  { name: 'watch', load: async () => (await import('./watch.js')).registerWatch },
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
];
