/**
 * `npm run bench scale`: the real CLI (`node dist/app/main.js`, one child process per run) on
 * synthetic models of 10, 100, 1000 and 5000 components and on the seed model, side by side:
 * `validate`, `generate` (no rendering), `check` right after it, `security` and `cost`
 * (snapshot), each against a bare `node -e 0` start-up. Every size gets its own temp project
 * (model, templates, price snapshots), so `generate` and `check` see that one model only.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelOrThrow } from '../load/load-model.js';
import { median, scaleMarkdown, type Measurement, type ScaleRow } from './scale-table.js';
import { SYNTHETIC_SIZES, syntheticModelYaml } from './synthetic-model.js';
import type { Benchmark, BenchContext, BenchResult } from './types.js';

/** The package root (holds package.json and dist/). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 'model/point-system.yaml';
const COLUMNS = ['validate', 'generate', 'check', 'security', 'cost'] as const;
/** A run slower than this is stopped and reported as a failure. */
const TIMEOUT_MS = 150_000;
/** Once a command's runs on one model add up to this, no more are started (at least one runs). */
const CAP_MS = 25_000;

/** Runs of each command on a model of `components` components: more on small models, where noise dominates. */
const runsFor = (components: number): number => (components <= 100 ? 5 : 3);

/**
 * A private copy of the built CLI (dist/ and package.json) inside the repository, so packages
 * still resolve from its node_modules: others may rebuild dist/ while this benchmark runs, which
 * would mix two builds (and two build ids) into one table.
 */
async function frozenCli(): Promise<{ cli: string; dispose(): Promise<void> }> {
  const dir = path.join(PACKAGE_ROOT, '.tmp', `bench-scale-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(PACKAGE_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  await cp(path.join(PACKAGE_ROOT, 'package.json'), path.join(dir, 'package.json'));
  return { cli: path.join(dir, 'dist', 'app', 'main.js'), dispose: () => rm(dir, { recursive: true, force: true }) };
}

function timeOnce(args: readonly string[], cwd: string): { ms: number; failure?: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...args], { cwd, encoding: 'utf8', timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (result.error || result.signal) return { ms, failure: result.signal === 'SIGKILL' || (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' ? `timeout > ${TIMEOUT_MS / 1000} s` : String(result.error ?? result.signal) };
  if (result.status !== 0) {
    const first = `${result.stderr}`.split('\n').find((l) => /error|✗/.test(l)) ?? `${result.stderr}`.split('\n')[0] ?? '';
    return { ms, failure: `exit ${result.status}: ${first.replace(/\|/g, '\\|').slice(0, 90)}` };
  }
  return { ms };
}

/** Median of up to `runs` runs, stopping early past {@link CAP_MS}; the first failure ends the series. */
function measure(args: readonly string[], cwd: string, runs: number): Measurement {
  const times: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs && (i === 0 || spent < CAP_MS); i++) {
    const { ms, failure } = timeOnce(args, cwd);
    if (failure) return { runs: [ms], median: ms, failure };
    times.push(ms);
    spent += ms;
  }
  return { runs: times, median: median(times) };
}

/** A project with the given model files plus the repository's templates and price snapshots. */
async function project(repo: string, models: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-bench-scale-'));
  await cp(path.join(repo, 'templates'), path.join(root, 'templates'), { recursive: true });
  await cp(path.join(repo, 'model', 'pricing'), path.join(root, 'model', 'pricing'), { recursive: true });
  for (const [file, content] of Object.entries(models)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

/** Every command on one model; `check` runs only after a successful `generate`. */
function measureModel(context: BenchContext, cli: string, label: string, cwd: string, file: string, components: number): Record<string, Measurement | undefined> {
  const runs = runsFor(components);
  const cells: Record<string, Measurement | undefined> = {};
  for (const command of COLUMNS) {
    if (command === 'check' && (!cells.generate || cells.generate.failure)) continue;
    context.progress(`${label}: ${command} (up to ${runs} runs)`);
    cells[command] = measure([cli, '--quiet', command, file], cwd, runs);
  }
  return cells;
}

export const scaleBenchmark: Benchmark = {
  name: 'scale',
  async run(context) {
    const repo = process.cwd();
    const temp: string[] = [];
    const frozen = await frozenCli();
    const cli = frozen.cli;
    try {
      context.progress('node -e 0 (unit)');
      const unitBefore = measure(['-e', '0'], repo, 10);

      // The seed: the repository's three models, so `check` can also cover the whole project.
      const seedModels: Record<string, Uint8Array> = {};
      for (const name of ['point-system.yaml', 'point-system-eks.yaml', 'point-system-serverless.yaml']) seedModels[`model/${name}`] = await readFile(path.join(repo, 'model', name));
      const seedRoot = await project(repo, seedModels);
      temp.push(seedRoot);
      const seedModel = await loadModelOrThrow(path.join(seedRoot, SEED), seedRoot);
      const seedComponents = seedModel.environments[seedModel.defaultEnvironment]!.components.length;
      const seedCells = measureModel(context, cli, 'seed', seedRoot, SEED, seedComponents);
      context.progress('seed: generate (whole project), then check (whole project)');
      const wholeGenerate = measure([cli, '--quiet', 'generate'], seedRoot, 1);
      const wholeCheck = wholeGenerate.failure ? undefined : measure([cli, '--quiet', 'check'], seedRoot, 5);
      context.progress('seed: validate again, now that generate recorded it');
      const recordedValidate = wholeGenerate.failure ? undefined : measure([cli, '--quiet', 'validate', SEED], seedRoot, 5);
      const seedRow: ScaleRow = { label: 'seed (point-system)', components: seedComponents, yamlKiB: seedModels[SEED]!.byteLength / 1024, cells: seedCells };

      const sizeRows: ScaleRow[] = [];
      for (const size of SYNTHETIC_SIZES) {
        const file = `model/synthetic-${size}.yaml`;
        const yaml = syntheticModelYaml(size);
        const root = await project(repo, { [file]: yaml });
        temp.push(root);
        sizeRows.push({ label: `synthetic-${size}`, components: size, yamlKiB: Buffer.byteLength(yaml) / 1024, cells: measureModel(context, cli, `${size} components`, root, file, size) });
      }

      context.progress('node -e 0 (unit, again)');
      const unitAfter = measure(['-e', '0'], repo, 10);
      const unitRuns = [...unitBefore.runs, ...unitAfter.runs];
      const unit: Measurement = { runs: unitRuns, median: median(unitRuns) };

      const notes = [
        `\`validate\` runs before \`generate\`: it parses and validates. \`check\` runs right after \`generate\`, so it takes the fingerprint fast path (no generator runs); \`check --full\` costs about what \`generate\` does.`,
        `Seed, once \`generate\` has recorded it: \`validate model/point-system.yaml\` ${fmt(recordedValidate, unit)} (from the fingerprint record, no parsing).`,
        `Seed project (3 models): \`check\` over the whole project ${fmt(wholeCheck, unit)}; \`generate\` of all three ${fmt(wholeGenerate, unit)}.`,
        `Machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end (shared: figures vary from run to run).`,
      ];
      const markdown = scaleMarkdown({ unit, columns: COLUMNS, seed: [seedRow], sizes: sizeRows, notes });
      context.attach({ markdown, data: { unit, columns: COLUMNS, seed: { ...seedRow, wholeProject: { generate: wholeGenerate, check: wholeCheck }, recordedValidate }, sizes: sizeRows } });
      return budgets(unit, seedRow, wholeCheck, recordedValidate, sizeRows);
    } finally {
      await frozen.dispose();
      for (const dir of temp) await rm(dir, { recursive: true, force: true });
    }
  },
};

const fmt = (m: Measurement | undefined, unit: Measurement): string =>
  !m ? '–' : m.failure ? `✗ ${m.failure}` : `${m.median.toFixed(0)} ms (${(m.median / unit.median).toFixed(1)}× unit, n=${m.runs.length})`;

/** The targets as result lines with budgets (a failed command counts as over budget). */
function budgets(unit: Measurement, seed: ScaleRow, wholeCheck: Measurement | undefined, recordedValidate: Measurement | undefined, sizes: readonly ScaleRow[]): BenchResult[] {
  const value = (m: Measurement | undefined): number => (!m || m.failure ? Number.POSITIVE_INFINITY : m.median);
  const failure = (...ms: (Measurement | undefined)[]): string[] => ms.flatMap((m) => (m?.failure ? [m.failure] : []));
  const out: BenchResult[] = [
    { name: 'bare node -e 0 (unit)', ms: unit.median, notes: [`${unit.runs.length} runs`] },
    { name: 'seed: validate model/point-system.yaml, parsing (≤ 3× unit)', ms: value(seed.cells.validate), budgetMs: 3 * unit.median, notes: failure(seed.cells.validate) },
    { name: 'seed: validate model/point-system.yaml, recorded (≤ 3× unit)', ms: value(recordedValidate), budgetMs: 3 * unit.median, notes: failure(recordedValidate) },
    { name: 'seed: check model/point-system.yaml (≤ 3× unit)', ms: value(seed.cells.check), budgetMs: 3 * unit.median, notes: failure(seed.cells.check) },
    { name: 'seed project: check, all 3 models (≤ 3× unit)', ms: value(wholeCheck), budgetMs: 3 * unit.median, notes: failure(wholeCheck) },
  ];
  const k1 = sizes.find((r) => r.components === 1000);
  const k5 = sizes.find((r) => r.components === 5000);
  if (k1) {
    out.push({ name: '1000 components: validate + generate (< 3 s)', ms: value(k1.cells.validate) + value(k1.cells.generate), budgetMs: 3000, notes: failure(k1.cells.validate, k1.cells.generate) });
  }
  if (k1 && k5) {
    for (const command of ['validate', 'generate'] as const) {
      const base = value(k1.cells[command]);
      out.push({ name: `5000 components: ${command} (≤ 6× the 1000 figure)`, ms: value(k5.cells[command]), budgetMs: 6 * base, notes: [...failure(k5.cells[command]), Number.isFinite(base) ? `${(value(k5.cells[command]) / base).toFixed(2)}× of 1000` : 'no 1000 figure'] });
    }
  }
  return out;
}
