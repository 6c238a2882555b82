/**
 * The state of one drift comparison: the model environment, the observed template facts, the
 * scaffold's view of the model (construct ids and documented substitutions), and the findings
 * collected so far. Comparers call {@link DriftContext.compare} for each modelled value.
 */
import type { ElementKey, Observed, ObservedArchitecture, Origin } from '../cfn/observe/types.js';
import type { ArchitectureModel, NodePath, ResolvedEnvironment } from '../model/types.js';
import type { ScaffoldConfig } from '../scaffold/config.js';
import type { DriftFinding, DriftNote, DriftValue, ModelRef, TemplateRef, UnknownValue } from './types.js';

/** Equality that forgives representation: `"8080"` = 8080, `HTTPS` = `https`, `api.x.com.` = `api.x.com`. */
export function normalize(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text !== '' && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    return text.toLowerCase().replace(/\.$/, '');
  }
  if (Array.isArray(value)) return value.map(normalize).map((v) => JSON.stringify(v)).sort().join('\u0000');
  return value;
}

export const same = (a: unknown, b: unknown): boolean => normalize(a) === normalize(b);

const display = (value: unknown): DriftValue => {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)) as DriftValue;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return value as DriftValue;
};

export interface CompareOptions<T> {
  /** The value the scaffold writes instead of the model's, with the reason it documents. */
  readonly substitute?: { readonly value: T; readonly reason: string };
  /** Custom equality (defaults to {@link same}). */
  readonly equals?: (model: T, template: T) => boolean;
}

export class DriftContext {
  readonly findings: DriftFinding[] = [];
  readonly unknown: UnknownValue[] = [];
  readonly notes: DriftNote[] = [];
  readonly matched = new Map<string, Set<string>>();
  /** Observed elements accounted for by a model element (directly or as its part). */
  readonly accounted = new Set<ElementKey>();

  constructor(
    readonly model: ArchitectureModel,
    readonly env: ResolvedEnvironment,
    readonly observed: ObservedArchitecture,
    readonly scaffold: ScaffoldConfig,
  ) {}

  modelRef(loc: NodePath, path: string): ModelRef {
    const { line, col } = this.model.source.locate(loc);
    return { file: this.model.source.file, line, col, path };
  }

  templateRef(origin: Origin): TemplateRef {
    return {
      logicalId: origin.logicalId,
      stackPath: origin.stackPath,
      type: origin.type,
      file: origin.position.file,
      line: origin.position.line,
      col: origin.position.col,
      ...(origin.cdkPath ? { cdkPath: origin.cdkPath } : {}),
    };
  }

  /** Records that a model element is deployed as these resources. */
  match(path: string, ...origins: Origin[]): void {
    const set = this.matched.get(path) ?? new Set();
    for (const o of origins) {
      set.add(o.logicalId);
      this.accounted.add(o.key);
    }
    this.matched.set(path, set);
  }

  /** The scaffold's documented reason for what it does at `loc`, if any. */
  notExpressedAt(loc: NodePath): string | undefined {
    const key = JSON.stringify(loc);
    return this.scaffold.notExpressed.find((n) => JSON.stringify(n.loc) === key)?.reason;
  }

  /** Compares one modelled value with its template counterpart; an absent template value is not compared. */
  compare<T>(field: string, loc: NodePath, path: string, modelValue: T, observed: Observed<T> | undefined, origin: Origin, options: CompareOptions<T> = {}): void {
    if (observed === undefined) return;
    const model = this.modelRef(loc, path);
    const template = this.templateRef(origin);
    if (observed.kind === 'unknown') {
      this.unknown.push({ model, template, field, modelValue: display(modelValue), reason: observed.reason });
      return;
    }
    const equals = options.equals ?? same;
    if (equals(modelValue, observed.value)) return;
    if (options.substitute && equals(options.substitute.value, observed.value)) {
      this.notes.push({ model, template, message: options.substitute.reason });
      return;
    }
    this.findings.push({
      rule: 'drift/changed',
      message: `${path}: the model says ${JSON.stringify(display(modelValue))}, the template ${JSON.stringify(display(observed.value))}`,
      model,
      template,
      field,
      modelValue: display(modelValue),
      templateValue: display(observed.value),
    });
  }

  /**
   * A modelled element with no template counterpart. When the scaffold documents why it does not
   * generate the element (`generated: false`, or a reason at exactly `loc`), this is a note.
   */
  missing(loc: NodePath, path: string, what: string, generated = true): void {
    const model = this.modelRef(loc, path);
    const within = (entry: NodePath) => loc.every((part, i) => entry[i] === part);
    const reason = this.notExpressedAt(loc)
      ?? (generated ? undefined : this.scaffold.notExpressed.find((n) => within(n.loc))?.reason ?? 'the scaffold does not generate it.');
    if (reason) {
      this.notes.push({ model, message: `${what} is not in the template: ${reason}` });
      return;
    }
    this.findings.push({ rule: 'drift/missing', message: `${what} is in the model but not in the template`, model });
  }

  /** A template resource no model element describes; `near` is the model element it would belong to. */
  unmodelled(origin: Origin, what: string, near?: { loc: NodePath; path: string }): void {
    this.findings.push({
      rule: 'drift/unmodelled',
      message: `${what} is in the template but not in the model`,
      template: this.templateRef(origin),
      ...(near ? { model: this.modelRef(near.loc, near.path) } : {}),
    });
  }
}
