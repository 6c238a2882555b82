/**
 * What an import did with each resource of the template: mapped to a model element, not mapped
 * (and why), and which values it had to guess or drop because CloudFormation only knows them at
 * deploy time or the model cannot express them.
 */
import type { Origin } from '../cfn/observe/types.js';
import type { TemplatePosition } from '../cfn/types.js';

export interface ResourceRef {
  readonly logicalId: string;
  readonly type: string;
  readonly stackPath: string;
  readonly position: TemplatePosition;
}

/** A resource that became (part of) a model element. */
export interface MappedResource extends ResourceRef {
  /** Model path of the element, e.g. `components.points-api`, `securityGroups.alb-sg`. */
  readonly element: string;
}

/** A resource the model has no place for. */
export interface UnmappedResource extends ResourceRef {
  readonly reason: string;
}

/**
 * A value the import wrote without the template stating it (`guessed`), or a template value it
 * left out (`dropped`).
 */
export interface ValueNote {
  readonly kind: 'guessed' | 'dropped';
  /** Model path the note is about, e.g. `network.subnets.isolated-1.az`. */
  readonly element: string;
  readonly logicalId?: string;
  readonly position?: TemplatePosition;
  /** The value written (guessed) or the template expression left out (dropped), as text. */
  readonly value?: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly source: string;
  readonly mapped: readonly MappedResource[];
  readonly unmapped: readonly UnmappedResource[];
  readonly notes: readonly ValueNote[];
  /** Remarks of the template reader and of the extraction. */
  readonly warnings: readonly { readonly message: string; readonly position?: TemplatePosition }[];
}

const refOf = (origin: Origin): ResourceRef => ({ logicalId: origin.logicalId, type: origin.type, stackPath: origin.stackPath, position: origin.position });

/** Collects report entries while the model is built; each resource is reported once. */
export class ReportBuilder {
  private readonly mapped = new Map<string, MappedResource>();
  private readonly unmapped = new Map<string, UnmappedResource>();
  private readonly notes: ValueNote[] = [];

  mappedTo(origin: Origin, element: string): void {
    if (!this.mapped.has(origin.key)) this.mapped.set(origin.key, { ...refOf(origin), element });
    this.unmapped.delete(origin.key);
  }

  notMapped(origin: Origin, reason: string): void {
    if (!this.mapped.has(origin.key) && !this.unmapped.has(origin.key)) this.unmapped.set(origin.key, { ...refOf(origin), reason });
  }

  /** Why a resource was reported as not mapped, if it was. */
  unmappedReason(key: string): string | undefined {
    return this.unmapped.get(key)?.reason;
  }

  isMapped(key: string): boolean {
    return this.mapped.has(key);
  }

  guessed(element: string, value: string, reason: string, origin?: Origin): void {
    this.notes.push({ kind: 'guessed', element, value, reason, ...(origin ? { logicalId: origin.logicalId, position: origin.position } : {}) });
  }

  dropped(element: string, reason: string, origin?: Origin, value?: string): void {
    this.notes.push({ kind: 'dropped', element, reason, ...(value !== undefined ? { value } : {}), ...(origin ? { logicalId: origin.logicalId, position: origin.position } : {}) });
  }

  build(source: string, warnings: ImportReport['warnings']): ImportReport {
    const byPosition = <T extends { position?: TemplatePosition; logicalId?: string }>(a: T, b: T) =>
      (a.position?.file ?? '').localeCompare(b.position?.file ?? '') || (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.logicalId ?? '').localeCompare(b.logicalId ?? '');
    return {
      source,
      mapped: [...this.mapped.values()].sort(byPosition),
      unmapped: [...this.unmapped.values()].sort(byPosition),
      notes: [...this.notes],
      warnings,
    };
  }
}
