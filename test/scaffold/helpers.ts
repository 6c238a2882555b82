/** Shared steps of the scaffold tests: scaffold through the real CLI, synthesize with the real CDK. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/program.js';

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/**
 * A fresh folder under `.tmp/` inside the repository, so the generated app resolves the
 * project's own node_modules (aws-cdk-lib, constructs, cdk-nag) without an install.
 */
export async function tempAppDir(name: string): Promise<string> {
  const dir = path.join(root, '.tmp', `scaffold-test-${process.pid}-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  return dir;
}

/** Runs `archgen scaffold` in-process; returns its exit code and captured stdout. */
export async function scaffoldWithCli(args: readonly string[]): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    const code = await runCli(['--root', root, '--format', 'json', 'scaffold', ...args]);
    return { code, stdout: chunks.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

export interface Synthesized {
  readonly template: { Resources: Record<string, { Type: string; Properties?: any }>; Parameters?: Record<string, unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Construct path → acknowledged cdk-nag rule → reason. */
  readonly acknowledgements: Record<string, string>[];
}

/**
 * Synthesizes the generated app offline (`tsx bin/<app>.ts`, no credentials, no network).
 * cdk-nag runs as a validation plugin: any unacknowledged finding makes this throw.
 */
export async function synthesize(appDir: string, appFile: string, stackName: string): Promise<Synthesized> {
  const outdir = path.join(appDir, 'cdk.out');
  // The context `cdk synth` passes: cdk.json's feature flags.
  const context = JSON.parse(await readFile(path.join(appDir, 'cdk.json'), 'utf8')).context;
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };
  delete env.CDK_DEFAULT_ACCOUNT;
  await run(tsx, [`bin/${appFile}.ts`], { cwd: appDir, env, maxBuffer: 64 * 1024 * 1024 });
  const template = JSON.parse(await readFile(path.join(outdir, `${stackName}.template.json`), 'utf8'));
  const metadata = JSON.parse(await readFile(path.join(outdir, `${stackName}.metadata.json`), 'utf8')) as Record<string, { type: string; data: Record<string, string> }[]>;
  const acknowledgements = Object.values(metadata).flat().filter((e) => e.type === 'aws:cdk:acknowledged-rules').map((e) => e.data);
  return { template, acknowledgements };
}

/** Runs a command in the app folder; resolves with its output, rejects with it on failure. */
export async function inApp(appDir: string, command: string, args: readonly string[]): Promise<string> {
  const { stdout, stderr } = await run(command, [...args], { cwd: appDir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
  return `${stdout}${stderr}`;
}

export const resourcesOf = (s: Synthesized, type: string) =>
  Object.entries(s.template.Resources).filter(([, r]) => r.Type === type).map(([id, r]) => ({ id, props: r.Properties ?? {} }));

export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
