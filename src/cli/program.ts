import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { commandModules } from './commands/index.js';
import { createCommandContext, EXIT } from './context.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Global options that take a value, so the word after them is not a command name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['-C', '--root', '--format']);

/** The command `argv` asks for, if it names a known one (then only its module is loaded). */
export function requestedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return commandModules.some((m) => m.name === arg) ? arg : undefined;
  }
  return undefined;
}

/**
 * Builds the `archgen` command line; `setExitCode` receives each command's exit code.
 * With `argv`, only the command it names is loaded (fast start); otherwise every command.
 */
export async function buildProgram(setExitCode: (code: number) => void, argv?: readonly string[]): Promise<Command> {
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
  const wanted = argv ? requestedCommand(argv) : undefined;
  for (const module of commandModules) {
    if (wanted === undefined || module.name === wanted) (await module.load())(program, context);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and resolves to its exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = await buildProgram((code) => (exitCode = code), argv);
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
