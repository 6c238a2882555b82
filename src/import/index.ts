/**
 * `archgen import`: reads a CloudFormation template (or a `cdk.out` assembly), observes its
 * architecture, writes a first model that validates, and reports what it mapped, what it could
 * not, and which values it guessed or dropped.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { observeTemplateSet, readConstructPaths } from '../cfn/observe/index.js';
import { readTemplateSet } from '../cfn/read/index.js';
import { UserError, formatDiagnostic } from '../diagnostics/diagnostic.js';
import { loadModelFromBytes, modelIdOf, toDisplayPath } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import { readIfExists, writeAtomic } from '../output/write.js';
import { buildModel } from './build-model.js';
import type { ImportReport } from './report.js';
import { modelText } from './write-model.js';

export type { ImportReport, MappedResource, UnmappedResource, ValueNote } from './report.js';

export interface ImportOptions {
  /** Template file or `cdk.out` directory. */
  readonly template: string;
  /** Model file to write; default `model/<id>.yaml`. */
  readonly out?: string;
  /** Model id; must equal the file stem of `out` when both are given. Default: the file stem, else the first stack's name. */
  readonly id?: string;
  readonly region?: string;
  readonly force?: boolean;
  /** Project root: relative paths resolve against it and the report names files relative to it. */
  readonly root: string;
  /** Build and validate only; write nothing. */
  readonly dryRun?: boolean;
}

export interface ImportResult {
  /** Written model, relative to the root. */
  readonly file: string;
  readonly text: string;
  readonly model: ArchitectureModel;
  readonly report: ImportReport;
  readonly written: boolean;
}

const ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

function usage(rule: string, message: string, hint: string): UserError {
  return new UserError(message, [{ file: '<command line>', line: 1, col: 1, rule, severity: 'error', message, hint }]);
}

export async function importTemplate(options: ImportOptions): Promise<ImportResult> {
  const { root } = options;
  if (options.region !== undefined && !REGION_PATTERN.test(options.region)) {
    throw usage('import/bad-region', `"${options.region}" is not an AWS region code`, 'write it like ap-northeast-2 or us-east-1');
  }
  const templatePath = path.resolve(root, options.template);
  const set = await readTemplateSet(templatePath);
  const constructPaths = (await stat(templatePath)).isDirectory() ? await readConstructPaths(templatePath) : new Map<string, string>();
  const observed = observeTemplateSet(set, { constructPaths });

  const stacks = set.stacks.filter((s) => !s.path.includes('/')).map((s) => s.path);
  const id = options.id ?? (options.out ? modelIdOf(options.out) : kebab(stacks[0] ?? 'imported'));
  const out = options.out ?? path.join('model', `${id}.yaml`);
  const display = toDisplayPath(out, root);
  if (!/\.ya?ml$/i.test(out) || (await stat(path.resolve(root, out)).then((s) => s.isDirectory(), () => false))) {
    throw usage('import/bad-output', `-o ${out} is not a model file name`, 'write the model to a .yaml file, e.g. -o model/orders.yaml');
  }
  if (!ID_PATTERN.test(id)) {
    throw usage('import/bad-id', `model id "${id}" is not lowercase letters, digits and dashes`, 'name the output file like model/orders.yaml, or pass --id orders');
  }
  if (modelIdOf(out) !== id) {
    throw usage('import/id-mismatch', `--id ${id} differs from the output file's name (${path.basename(out)})`, `a model's id is its file name: write to ${path.join(path.dirname(out), `${id}.yaml`)} or drop --id`);
  }
  const file = path.resolve(root, out);
  if (!options.force && !options.dryRun && (await readIfExists(file).catch(() => Buffer.alloc(0))) !== undefined) {
    throw new UserError(`${display} already exists`, [{ file: display, line: 1, col: 1, rule: 'import/file-exists', severity: 'error', message: 'refusing to overwrite an existing model', hint: 'choose another -o, or pass --force to replace it' }]);
  }

  const built = buildModel(set, observed, { id, region: options.region });
  const schema = path.relative(path.dirname(file), path.join(root, 'model', 'architecture.schema.json')).split(path.sep).join('/');
  const text = modelText(built.model, { source: toDisplayPath(options.template, root), stacks, schemaRef: schema.startsWith('.') ? schema : `./${schema}` });
  const loaded = loadModelFromBytes(display, Buffer.from(text, 'utf8'));
  const tooLarge = loaded.diagnostics.find((d) => d.rule === 'yaml/too-large');
  if (tooLarge) throw new UserError(`the model imported from ${set.source} would be too large to load`, [{ ...tooLarge, hint: 'import a smaller template (one stack of the assembly) and split the architecture into several models' }]);
  if (!loaded.model) {
    throw new Error(`the imported model does not validate (a bug in archgen import):\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  if (!options.dryRun) await writeAtomic(file, text);
  return { file: display, text, model: loaded.model, report: built.report, written: !options.dryRun };
}

const kebab = (value: string): string => value.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '') || 'imported';
