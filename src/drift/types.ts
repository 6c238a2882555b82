/** What `archgen drift` reports: findings between a model environment and a template set. */

/** `drift/missing`: in the model, not in the template; `drift/unmodelled`: the reverse; `drift/changed`: both, different values. */
export type DriftRule = 'drift/missing' | 'drift/unmodelled' | 'drift/changed';

export const DRIFT_RULES: readonly { readonly id: DriftRule; readonly title: string; readonly description: string }[] = [
  { id: 'drift/missing', title: 'Modelled but not deployed', description: 'The model describes an element the infrastructure code does not create.' },
  { id: 'drift/unmodelled', title: 'Deployed but not modelled', description: 'The infrastructure code creates a resource no model element describes.' },
  { id: 'drift/changed', title: 'Value differs', description: 'A modelled value differs from the value in the infrastructure code.' },
];

/** A place in the model YAML. */
export interface ModelRef {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Readable model path, e.g. `components.points-alb.targetGroup.port`. */
  readonly path: string;
}

/** A resource of the template set. */
export interface TemplateRef {
  readonly logicalId: string;
  readonly stackPath: string;
  readonly type: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly cdkPath?: string;
}

export type DriftValue = string | number | boolean | null | readonly (string | number | boolean)[];

export interface DriftFinding {
  readonly rule: DriftRule;
  readonly message: string;
  /** Absent for unmodelled resources that no model element is near. */
  readonly model?: ModelRef;
  readonly template?: TemplateRef;
  /** For `drift/changed`: the compared field and both values. */
  readonly field?: string;
  readonly modelValue?: DriftValue;
  readonly templateValue?: DriftValue;
}

/** A value CloudFormation decides at deploy time: listed, never drift. */
export interface UnknownValue {
  readonly model: ModelRef;
  readonly template: TemplateRef;
  readonly field: string;
  readonly modelValue: DriftValue;
  readonly reason: string;
}

/** A documented difference the scaffold makes on purpose (e.g. an instance class Aurora does not offer). */
export interface DriftNote {
  readonly model: ModelRef;
  readonly template?: TemplateRef;
  readonly message: string;
}

export interface DriftReport {
  readonly model: string;
  readonly modelFile: string;
  readonly environment: string;
  readonly template: string;
  readonly findings: readonly DriftFinding[];
  readonly unknown: readonly UnknownValue[];
  readonly notes: readonly DriftNote[];
  /** Model path → logical ids it was matched with. */
  readonly matched: readonly { readonly model: string; readonly template: readonly string[] }[];
  readonly summary: { readonly missing: number; readonly unmodelled: number; readonly changed: number; readonly unknown: number; readonly notes: number };
}
