import type { Command } from 'commander';
import { architectureSchema } from '../../model/schema.js';
import { stableJson } from '../../output/stable-json.js';
import type { CommandContext } from '../context.js';

export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the model (also committed as model/architecture.schema.json)')
    .addHelpText('after', `
Examples:
  $ archgen schema > architecture.schema.json
  # in a model, for editor completion and hover help:
  # yaml-language-server: $schema=./architecture.schema.json`)
    .action(context.action(async (printer) => {
      process.stdout.write(stableJson(architectureSchema(), { sortKeys: false }));
      void printer;
      return 0;
    }));
}
