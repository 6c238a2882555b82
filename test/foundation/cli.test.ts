/**
 * The command line as a user meets it: help with examples on every command, version, JSON
 * output, colour only on a terminal without NO_COLOR, exit codes 0/1/2, and the
 * generate → edit → check loop. Most runs are in-process through `runCli` (fast); the behaviour
 * that depends on the real process (exit status, TTY, environment) goes through the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { capture } from '../hostile/cli-capture.js';
import { ANSI, CLI, ROOT, runBuiltCli, tempProject } from './helpers.js';

const program = await buildProgram(() => undefined);
const commands = program.commands.map((command) => command.name()).sort();
/** Every command path with its own action: `validate`, `pricing refresh`, ... (groups are checked through their leaves). */
const leaves = (command: Command, prefix: string[] = []): string[][] =>
  command.commands.flatMap((sub) => (sub.commands.length ? leaves(sub, [...prefix, sub.name()]) : [[...prefix, sub.name()]]));
const leafCommands = leaves(program).map((parts) => parts.join(' ')).sort();

describe('help and version', () => {
  it('registers the foundation commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['check', 'generate', 'schema', 'validate']));
  });

  it('the top-level --help lists every command and shows examples and exit codes', async () => {
    const { code, stdout } = await capture(['--help']);
    expect(code).toBe(0);
    for (const name of commands) expect(stdout).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'));
    expect(stdout).toMatch(/^Examples:$/m);
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 findings/);
  });

  it.each(leafCommands)('`%s --help` has examples that use the command', async (name) => {
    const { code, stdout, stderr } = await capture([...name.split(' '), '--help']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`Usage: archgen ${name}`);
    expect(stdout).toMatch(/^Examples?:$/m);
    expect(stdout).toMatch(new RegExp(`^ +\\$ archgen ${name}\\b`, 'm'));
  });

  it('--version prints the package version (built CLI)', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = runBuiltCli(['--version']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});

describe('usage errors exit 2 with a pointer to --help', () => {
  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['validate', '--frobnicate']],
    ['a bad --format', ['--format', 'yaml', 'validate']],
    ['an unknown command with a near miss', ['valdate']],
  ])('%s', async (_label, args) => {
    const { code, stderr } = await capture(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: /);
    expect(stderr).toContain('--help');
  });

  it('the process exit status is 2 too, without a stack trace (built CLI)', () => {
    const run = runBuiltCli(['validate', '--frobnicate']);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('validate', () => {
  it('model/point-system.yaml is valid: exit 0 (built CLI)', () => {
    const run = runBuiltCli(['validate', 'model/point-system.yaml']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('✓ model/point-system.yaml (prod, dev)');
    expect(run.stderr).not.toMatch(/: error /); // other checks may add warnings
  });

  it('with no argument validates every model in model/', async () => {
    const { code, stdout } = await capture(['-C', ROOT, 'validate']);
    expect(code).toBe(0);
    expect(stdout).toContain('model/point-system.yaml');
    expect(stdout.match(/^✓ /gm)?.length).toBeGreaterThanOrEqual(1);
  });

  it('--format json parses and says valid', async () => {
    const { code, stdout } = await capture(['--format', 'json', 'validate', 'model/point-system.yaml']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { valid: boolean; models: string[]; diagnostics: { severity: string }[] };
    expect(parsed).toMatchObject({ valid: true, models: ['point-system'] });
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('--quiet prints no summary for a valid model', async () => {
    const { code, stdout, stderr } = await capture(['--quiet', 'validate', 'model/point-system.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/✓|: error /);
  });

  it('a missing file exits 2 with io/unreadable', async () => {
    const { code, stderr } = await capture(['validate', 'model/nope.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('model/nope.yaml:1:1: error io/unreadable');
  });
});

describe('colour', () => {
  // A YAML-level error: the CLI prints coloured diagnostics without compiling the schema, which keeps these runs cheap.
  const invalid = 'test/fixtures/invalid/yaml-duplicate-key.yaml';

  it('no ANSI codes when output is not a terminal (built CLI)', () => {
    const run = runBuiltCli(['validate', invalid]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('error yaml/duplicate-key');
    expect(run.stdout + run.stderr).not.toMatch(ANSI);
  });

  // `script` gives the CLI a real pseudo-terminal, so colour is on unless NO_COLOR or --no-color.
  const inTerminal = (env: Record<string, string>, extra = ''): string => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${extra} validate ${invalid}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TERM: 'xterm', ...env }, timeout: 60_000 });
    expect(run.status, run.stdout).toBe(2);
    return run.stdout;
  };
  const clean = { ...process.env };
  delete clean.NO_COLOR;

  it('colour on a terminal, none with NO_COLOR=1 or --no-color', () => {
    expect(inTerminal({})).toMatch(ANSI);
    expect(inTerminal({ NO_COLOR: '1' })).not.toMatch(ANSI);
    expect(inTerminal({}, '--no-color')).not.toMatch(ANSI);
  });
});

describe('generate then check (in a temp copy of the project)', () => {
  let root: string;
  let dispose: () => Promise<void>;
  const model = 'model/point-system.yaml';
  beforeAll(async () => {
    ({ root, dispose } = await tempProject());
  });
  afterAll(async () => dispose());

  it('generate exits 0 and summarizes the files; --format json parses', async () => {
    const { code, stdout, stderr } = await capture(['-C', root, '--format', 'json', 'generate', model]);
    expect(code, stderr).toBe(0);
    const parsed = JSON.parse(stdout) as { models: string[]; files: { path: string; status: string }[]; counts: { new: number; changed: number; unchanged: number; removed: number } };
    expect(parsed.models).toEqual(['point-system']);
    expect(parsed.files.find((f) => f.path === 'output/point-system/resolved/prod.json')?.status).toBe('new');
    // The copied model/ already holds the committed schemas: those are unchanged, the rest is new.
    expect(parsed.counts.new + parsed.counts.unchanged).toBe(parsed.files.length);
    expect(parsed.files.filter((f) => f.status === 'unchanged').every((f) => f.path.startsWith('model/'))).toBe(true);
  });

  it('check exits 0 right after generate', async () => {
    const { code, stdout } = await capture(['-C', root, 'check', model]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ \d+ generated files match the models/);
  });

  it('after editing one generated file, check exits 1 and shows the diff', async () => {
    const file = path.join(root, 'output/point-system/resolved/prod.json');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('"maxTasks": 10', '"maxTasks": 99'));
    const text = await capture(['-C', root, 'check', model]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('changed: output/point-system/resolved/prod.json');
    expect(text.stdout).toMatch(/^-\s+"maxTasks": 99,?$/m);
    expect(text.stdout).toMatch(/^\+\s+"maxTasks": 10,?$/m);
    expect(text.stderr).toContain('✗ drift: 1 changed, 0 missing, 0 stale');

    expect(await readFile(file, 'utf8')).toContain('"maxTasks": 99'); // check never writes
  });

  it('an invalid model makes generate exit 2 and write nothing', async () => {
    const broken = path.join(root, 'model/broken.yaml');
    await writeFile(broken, readFileSync(path.join(ROOT, 'test/fixtures/invalid/net-subnet-overlap.yaml')));
    const before = await readFile(path.join(root, 'output/manifest.json'), 'utf8');
    const { code, stderr } = await capture(['-C', root, 'generate', 'model/broken.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/model\/broken\.yaml:\d+:\d+: error net\/subnet-overlap/);
    expect(await readFile(path.join(root, 'output/manifest.json'), 'utf8')).toBe(before);
  });
});

describe('schema', () => {
  it('prints the committed JSON Schema', async () => {
    const { code, stdout } = await capture(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { $id: string; $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(stdout).toBe(readFileSync(path.join(ROOT, 'model/architecture.schema.json'), 'utf8'));
  });
});
