import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { commandRegistrars } from './commands/index.js';
import { createCommandContext, EXIT } from './context.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the `archgen` command line; `setExitCode` receives each command's exit code. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('archgen')
    .description('Turn one YAML architecture model into diagrams, security matrices, cost estimates, CDK code and documents.')
    .version(packageJson.version, '-V, --version')
    .option('-C, --root <dir>', 'project root (holds model/, templates/, output/, resource/)', process.cwd())
    .option('-q, --quiet', 'print only errors and results')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-color', 'disable colour (NO_COLOR is honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText('after', `
Examples:
  $ archgen validate                      # check every model in model/
  $ archgen generate                      # write all artifacts for every model
  $ archgen check                         # CI: fail when committed artifacts drift
  $ archgen generate model/point-system.yaml --quiet

Exit codes: 0 ok, 1 findings (drift, lint failures), 2 invalid input or usage, 3 internal error.`);
  const context = createCommandContext(setExitCode);
  for (const register of commandRegistrars) register(program, context);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and resolves to its exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return benign ? EXIT.ok : EXIT.invalid;
    }
    throw error;
  }
  return exitCode;
}
