/**
 * State shared by the import mappers: the observed template facts, the report, the id
 * namespace, and which model id each template element became (to turn `Ref`/`GetAtt` links
 * into model references).
 */
import type { ElementKey, Link, Observed, ObservedArchitecture, Origin } from '../cfn/observe/types.js';
import type { CfnValue } from '../cfn/types.js';
import { IdAllocator } from './ids.js';
import { ReportBuilder } from './report.js';

/** Model data as written to YAML: plain objects in the order the keys should appear. */
export type RawModel = Record<string, unknown>;

export class ImportContext {
  readonly report = new ReportBuilder();
  /** Components, security groups, subnets and the VPC share one id namespace (the validator's rule). */
  readonly ids = new IdAllocator();
  readonly connectionIds = new IdAllocator();
  readonly alarmIds = new IdAllocator();
  /** Template element → model id of the element it became (component, security group, subnet, VPC). */
  readonly modelIds = new Map<ElementKey, string>();
  /** Template element → id of the component it belongs to (target group → load balancer, task definition → service, …). */
  readonly ownerComponent = new Map<ElementKey, string>();

  /** Model id → component type, set when ids are allocated. */
  readonly componentTypes = new Map<string, string>();

  /**
   * @param parameterDefaults literal defaults of the template parameters, by name (to name a deploy-time image tag)
   */
  constructor(readonly observed: ObservedArchitecture, readonly region: string, readonly parameterDefaults: ReadonlyMap<string, string> = new Map()) {}

  isSecret(id: string): boolean {
    return this.componentTypes.get(id) === 'secret';
  }

  isLogGroup(id: string): boolean {
    return this.componentTypes.get(id) === 'log-group';
  }

  /** Text for a `Ref`/`${Name}` in an expression: a repository's literal name or a parameter's default. */
  referenceText(name: string): string | undefined {
    const repository = this.observed.repositories.find((r) => r.origin.logicalId === name);
    if (repository?.name?.kind === 'known') return repository.name.value;
    return this.parameterDefaults.get(name);
  }

  /** Model id of the element a link points at, if it was mapped. */
  idOf(link: Link | undefined): string | undefined {
    return link?.key ? this.modelIds.get(link.key) : undefined;
  }

  /** Component id a link resolves to: the element itself or the component it belongs to. */
  componentOf(link: Link | undefined): string | undefined {
    if (!link?.key) return undefined;
    return this.modelIds.get(link.key) ?? this.ownerComponent.get(link.key);
  }

  /** Registers a template element as a model element and reports it mapped. */
  map(origin: Origin, id: string, element: string, supporting: readonly Origin[] = []): void {
    if (!this.modelIds.has(origin.key)) this.modelIds.set(origin.key, id);
    this.report.mappedTo(origin, element);
    for (const s of supporting) {
      this.report.mappedTo(s, element);
      if (!this.ownerComponent.has(s.key)) this.ownerComponent.set(s.key, id);
    }
  }

  /** Registers a template element as part of component `id` (a listener, a task definition, a DB instance, …). */
  partOf(origin: Origin, id: string, element: string, supporting: readonly Origin[] = []): void {
    if (!this.ownerComponent.has(origin.key)) this.ownerComponent.set(origin.key, id);
    this.report.mappedTo(origin, element);
    for (const s of supporting) {
      this.report.mappedTo(s, element);
      if (!this.ownerComponent.has(s.key)) this.ownerComponent.set(s.key, id);
    }
  }

  /** Component id of a deploy-time value that is a `Ref`/`GetAtt` of a mapped resource (e.g. a secret ARN in an environment variable). */
  componentOfValue(observed: Observed<unknown> | undefined): string | undefined {
    if (observed?.kind !== 'unknown') return undefined;
    const resolved = observed.resolved;
    if (resolved.kind !== 'ref' && resolved.kind !== 'attribute') return undefined;
    const key = `${resolved.stackPath}/${resolved.logicalId}`;
    return this.modelIds.get(key) ?? this.ownerComponent.get(key);
  }

  /**
   * The literal of a value; for a deploy-time value, notes it as dropped at `element` and
   * returns undefined.
   */
  value<T>(observed: Observed<T> | undefined, element: string, origin: Origin): T | undefined {
    if (!observed) return undefined;
    if (observed.kind === 'known') return observed.value;
    this.report.dropped(element, `known only at deploy time (${observed.reason})`, origin, expressionText(observed.expression));
    return undefined;
  }

  /**
   * A text value; a `Ref` to a parameter with a default gives that default, noted as a guess (a
   * deployment may pass another value). Otherwise like {@link value}.
   */
  text(observed: Observed<string> | undefined, element: string, origin: Origin): string | undefined {
    if (observed?.kind === 'unknown') {
      const expression = observed.expression as { Ref?: unknown } | null;
      const parameter = expression && typeof expression === 'object' && typeof expression.Ref === 'string' ? expression.Ref : undefined;
      const fallback = parameter !== undefined ? this.parameterDefaults.get(parameter) : undefined;
      if (fallback !== undefined) {
        this.report.guessed(element, fallback, `the default of parameter ${parameter}; a deployment may pass another value`, origin);
        return fallback;
      }
    }
    return this.value(observed, element, origin);
  }

  /** The literal of a value, or `fallback` noted as a guess. */
  valueOr<T>(observed: Observed<T> | undefined, fallback: T, element: string, origin: Origin, why: string): T {
    if (observed?.kind === 'known') return observed.value;
    const reason = observed ? `known only at deploy time (${observed.reason}); ${why}` : why;
    this.report.guessed(element, String(fallback), reason, origin);
    return fallback;
  }
}

/** A short text of a template expression for messages. */
export function expressionText(value: CfnValue): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
