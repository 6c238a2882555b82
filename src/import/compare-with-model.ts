/**
 * How an imported model differs from a hand-written one (e.g. the seed model that was scaffolded
 * and synthesized into the template): every difference listed with why it exists, so real
 * disagreements stand out from what a template cannot carry (prose, usage figures, design
 * intent), what the import had to guess, and what the scaffold substitutes on purpose.
 */
import type { ArchitectureModel } from '../model/types.js';
import type { ImportReport } from './report.js';
import { matchElements, type Matches } from './match-elements.js';

export type DifferenceCategory =
  /** Text for people (names, descriptions, rationale): a template carries none. */
  | 'prose'
  /** Usage and cost figures (requests, storage, invocations, cost ranges): not infrastructure. */
  | 'usage'
  /** Design intent or application settings the infrastructure does not encode. */
  | 'intent'
  /** Ids are derived from construct paths and names; the element is the same. */
  | 'naming'
  /** A value the import guessed or left out because CloudFormation knows it only at deploy time. */
  | 'deploy-time'
  /** A deliberate substitution of the scaffold (e.g. an instance class Aurora does not offer). */
  | 'substitution'
  /** Something the import infers that the model does not state, or the reverse (the Internet users, CloudWatch). */
  | 'inferred'
  /** The template and the model disagree: drift, or a gap in the import. */
  | 'value';

export interface ModelDifference {
  /** Path in the reference model's terms, e.g. `components.points-db.instances.reader.instanceClass`. */
  readonly element: string;
  readonly kind: 'only-in-model' | 'only-in-import' | 'differs';
  /** Value in the reference model, as text. */
  readonly model?: string;
  /** Value in the imported model, as text. */
  readonly imported?: string;
  readonly category: DifferenceCategory;
  readonly explanation: string;
}

const EXPLAIN: Record<DifferenceCategory, string> = {
  prose: 'text written for people; a CloudFormation template carries no such text',
  usage: 'a usage or cost assumption; a template describes resources, not how much they are used',
  intent: 'a design decision or application setting that the infrastructure does not encode',
  naming: 'the import derives ids from construct paths, tags and names; the element is the same',
  'deploy-time': 'CloudFormation knows the value only at deploy time, so the import guessed it or left it out',
  substitution: 'the scaffold substitutes this on purpose',
  inferred: 'inferred rather than stated',
  value: 'the template and the model disagree',
};

const PROSE = new Set(['name', 'description', 'rationale', 'uses', 'features', 'label', 'title', 'baseImage', 'runtime', 'manualSnapshots', 'verticalScaling', 'purpose', 'condition', 'styles', 'serviceChoices', 'pros', 'cons', 'next', 'documentNumber', 'owner', 'principles', 'dataProtection', 'accessControl', 'diagramTools', 'iconSet']);
const USAGE = new Set(['queriesPerMonth', 'sizeGb', 'ioRequestsPerMonth', 'storageGb', 'apiCallsPerMonth', 'ingestedGbPerMonth', 'buildMinutesPerMonth', 'requestsPerMonth', 'invocationsPerMonth', 'averageDurationMs', 'readRequestsPerMonth', 'writeRequestsPerMonth', 'ioMode', 'customMetrics', 'cost']);
const INTENT = new Set(['maxCpu', 'maxMemory', 'connectionPool', 'readReplicaRouting', 'reserved', 'format', 'dashboards', 'alternativeStrategies', 'sourceProviders', 'permissions', 'kind', 'provisionedConcurrency', 'environments', 'alternatives', 'metrics', 'structured', 'workloads', 'pointInTimeRecovery', 'layout', 'provider', 'strategy', 'stages']);

/** Fields that hold model ids: compared after translating the imported ids to the model's. */
const REFERENCE_FIELDS = new Set(['securityGroups', 'subnets', 'target', 'logGroup', 'secrets', 'registry', 'aliasTarget', 'credentialsSecret', 'component', 'topic', 'securityGroup', 'from', 'to', 'logGroups', 'resources']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Compares the imported model with a reference model (each in its default environment). */
export function compareWithModel(importedModel: ArchitectureModel, referenceModel: ArchitectureModel, report?: ImportReport): ModelDifference[] {
  const imported = importedModel.environments[importedModel.defaultEnvironment]!;
  const model = referenceModel.environments[referenceModel.defaultEnvironment]!;
  const matches = matchElements(imported, model);
  const out: ModelDifference[] = [];
  const guessed = new Set((report?.notes ?? []).map((n) => n.element));
  const push = (d: Omit<ModelDifference, 'explanation'> & { explanation?: string }) => out.push({ ...d, explanation: d.explanation ?? EXPLAIN[d.category] });

  for (const name of referenceModel.environmentNames.filter((n) => !importedModel.environmentNames.includes(n))) {
    push({ element: `environments.${name}`, kind: 'only-in-model', model: name, category: 'intent', explanation: 'a template is one environment; the other environments of the model are overrides a template cannot show' });
  }
  for (const renamed of matches.renamed) {
    push({ element: renamed.path, kind: 'differs', model: renamed.modelId, imported: renamed.importedId, category: 'naming' });
  }
  for (const [only, side] of [[matches.onlyInModel, 'only-in-model'], [matches.onlyInImport, 'only-in-import']] as const) {
    for (const element of only) push({ element: element.path, kind: side, ...(side === 'only-in-model' ? { model: element.type } : { imported: element.type }), ...classifyMissing(element, side) });
  }
  for (const pair of matches.pairs) {
    diffValues(strip(pair.model), translate(strip(pair.imported), matches), pair.path, (path, modelValue, importedValue, field) => {
      if (field === 'id') return; // listed once as naming
      const substitution = substitutionOf(path, field, modelValue, importedValue, pair.type);
      const category = substitution ? 'substitution' : classify(path, guessed, `${pair.importedPath}${path.slice(pair.path.length)}`);
      push({
        element: path, kind: modelValue === undefined ? 'only-in-import' : importedValue === undefined ? 'only-in-model' : 'differs',
        ...(modelValue !== undefined ? { model: text(modelValue) } : {}), ...(importedValue !== undefined ? { imported: text(importedValue) } : {}),
        category, ...(substitution ? { explanation: substitution } : {}),
      });
    });
  }
  return out.sort((a, b) => a.element.localeCompare(b.element) || a.kind.localeCompare(b.kind));
}

/** Deliberate changes the scaffold makes to a model when it writes the CDK app, with its reason. */
function substitutionOf(path: string, field: string, modelValue: Json | undefined, importedValue: Json | undefined, type: string): string | undefined {
  if (type === 'database' && field === 'instanceClass' && typeof modelValue === 'string' && typeof importedValue === 'string'
    && /^db\.t\d+g?\.(nano|micro|small)$/.test(modelValue) && importedValue === modelValue.replace(/\.(nano|micro|small)$/, '.medium')) {
    return 'the scaffold raises Aurora burstable classes below medium to the medium size (Aurora offers none smaller) and reports it as not expressed';
  }
  if (type === 'database' && path.endsWith('.storage.type') && typeof importedValue === 'string' && importedValue.startsWith('aurora')) {
    return 'Aurora cluster storage is `aurora` (or `aurora-iopt1`); a volume type like gp3 applies to RDS instances, so the scaffold does not pass it';
  }
  if (path.endsWith('.container.environment.LOG_FORMAT') && modelValue === undefined) {
    return 'the scaffold passes the log group\'s format to the container as LOG_FORMAT';
  }
  if (path.startsWith('metadata.tags.') && modelValue === undefined && (field === 'managed-by' || field === 'environment')) {
    return 'the scaffold tags every resource with managed-by and environment';
  }
  return undefined;
}

function classifyMissing(element: { path: string; type: string }, side: 'only-in-model' | 'only-in-import'): { category: DifferenceCategory; explanation?: string } {
  if (element.type === 'monitoring') return { category: 'inferred', explanation: side === 'only-in-import' ? 'the import adds a CloudWatch component for the alarms; CloudWatch itself is no template resource' : 'CloudWatch itself is no template resource' };
  if (element.type === 'client') return { category: 'inferred', explanation: 'the Internet users are outside AWS; the import infers them from public endpoints' };
  if (element.path.startsWith('connections.')) return { category: 'intent', explanation: 'flows are inferred from security-group rules, targets and references; a template does not state the read/write split or the purpose of a flow' };
  if (element.path.startsWith('monitoring.metrics')) return { category: 'intent', explanation: 'metric sets describe dashboards, which are not in the template' };
  return { category: 'value', explanation: side === 'only-in-model' ? 'the model has it and the template does not' : 'the template has it and the model does not' };
}

function classify(path: string, guessed: ReadonlySet<string>, importedField: string): DifferenceCategory {
  const segments = path.split('.');
  if (segments.some((s) => PROSE.has(s))) return 'prose';
  if (segments.some((s) => USAGE.has(s))) return 'usage';
  if (isGuessed(importedField, guessed)) return 'deploy-time';
  if (segments.some((s) => INTENT.has(s))) return 'intent';
  return 'value';
}

/**
 * Whether the import noted the field as guessed or dropped. Notes name fields without list keys
 * (`components.x.listeners.certificate` for `components.x.listeners.443.certificate`); notes on a
 * whole component (an inferred one) do not count.
 */
function isGuessed(field: string, notes: ReadonlySet<string>): boolean {
  const parts = field.split('.');
  for (const note of notes) {
    const noteParts = note.split('.');
    if (noteParts.length <= 2) continue;
    if (field.startsWith(note)) return true;
    if (noteParts.slice(0, 2).join('.') === parts.slice(0, 2).join('.') && noteParts.at(-1) === parts.at(-1)) return true;
  }
  return false;
}

/** Drops positions (`loc`) and empty values the normalizer fills in. */
function strip(value: unknown): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) if (key !== 'loc' && v !== undefined) out[key] = strip(v);
    return out;
  }
  return (value ?? null) as Json;
}

/** Imported ids in reference fields, replaced by the matching model ids. */
function translate(value: Json, matches: Matches, field = ''): Json {
  if (typeof value === 'string') return REFERENCE_FIELDS.has(field) ? matches.toModelId.get(value) ?? value : value;
  if (Array.isArray(value)) return value.map((v) => translate(v, matches, field));
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) out[key] = translate(v, matches, key);
    return out;
  }
  return value;
}

/** Array items are compared by a key when they have one (`instances.reader`, `listeners.443`), else by position. */
function itemKey(field: string, item: Json, index: number, all: Json[]): string {
  const o = (item && typeof item === 'object' && !Array.isArray(item) ? item : {}) as Record<string, Json>;
  const nth = (key: string) => {
    const same = all.slice(0, index).filter((x) => (x as Record<string, Json> | null)?.[key] === o[key]).length;
    return same ? `${String(o[key])}-${same + 1}` : String(o[key]);
  };
  if (field === 'instances' && o.role) return nth('role');
  if (field === 'listeners' && o.port !== undefined) return nth('port');
  if (field === 'records' && o.name) return nth('name');
  if (field === 'subscriptions' && o.endpoint) return nth('endpoint');
  if (field === 'stages' && o.kind) return nth('kind');
  if (field === 'nodeGroups' && o.name) return nth('name');
  return String(index);
}

type Visit = (path: string, model: Json | undefined, imported: Json | undefined, field: string) => void;

function diffValues(model: Json | undefined, imported: Json | undefined, path: string, visit: Visit, field = ''): void {
  if (isObject(model) && isObject(imported)) {
    for (const key of [...new Set([...Object.keys(model), ...Object.keys(imported)])].sort()) diffValues(model[key], imported[key], `${path}.${key}`, visit, key);
    return;
  }
  if (Array.isArray(model) && Array.isArray(imported) && model.length && imported.length && [...model, ...imported].some(isObject)) {
    const keyed = (list: Json[]) => new Map(list.map((item, i) => [itemKey(field, item, i, list), item]));
    const a = keyed(model);
    const b = keyed(imported);
    for (const key of [...new Set([...a.keys(), ...b.keys()])]) diffValues(a.get(key), b.get(key), `${path}.${key}`, visit, field);
    return;
  }
  const same = Array.isArray(model) && Array.isArray(imported) && REFERENCE_FIELDS.has(field)
    ? text([...model].sort()) === text([...imported].sort())
    : text(model) === text(imported);
  if (!same && !(isEmpty(model) && isEmpty(imported))) visit(path, isEmpty(model) ? undefined : model, isEmpty(imported) ? undefined : imported, field);
}

const isObject = (v: unknown): v is Record<string, Json> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v: Json | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length) || (isObject(v) && !Object.keys(v).length);
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
