/**
 * CloudFormation templates as archgen reads them: every short-form intrinsic tag (`!Ref`,
 * `!GetAtt`, `!Sub`, …) is turned into its long JSON form while parsing, so the rest of archgen
 * sees one shape whatever the source format. Positions are kept for messages.
 */

/** A template value: JSON, with intrinsic functions in their long form (`{ "Fn::GetAtt": [...] }`). */
export type CfnValue = null | boolean | number | string | readonly CfnValue[] | { readonly [key: string]: CfnValue };

export interface TemplatePosition {
  /** Path of the template file, relative to the current directory when possible. */
  readonly file: string;
  /** 1-based; 0 when the source has no positions (e.g. minified JSON read without them). */
  readonly line: number;
  readonly col: number;
}

export interface CfnResource {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: { readonly [key: string]: CfnValue };
  readonly dependsOn: readonly string[];
  readonly condition?: string;
  readonly metadata: { readonly [key: string]: CfnValue };
  /** Where the resource's logical id is written. */
  readonly position: TemplatePosition;
  /** The stack that holds it (see {@link CfnStack.path}). */
  readonly stackPath: string;
}

export interface CfnStack {
  /** Stack name for top-level stacks (`PointSystemProd`); `Parent/NestedLogicalId` for nested ones. */
  readonly path: string;
  readonly file: string;
  readonly description?: string;
  readonly parameters: { readonly [name: string]: { readonly type: string; readonly default?: CfnValue } };
  readonly conditions: { readonly [name: string]: CfnValue };
  readonly mappings: { readonly [name: string]: CfnValue };
  readonly outputs: { readonly [name: string]: CfnValue };
  /** In template order. */
  readonly resources: readonly CfnResource[];
}

/** Every stack of one template file or one CDK cloud assembly (nested stacks included). */
export interface CfnTemplateSet {
  /** What the user passed: a template file or a `cdk.out` directory. */
  readonly source: string;
  readonly stacks: readonly CfnStack[];
  /** Non-fatal remarks (unknown resource types, unused parameters, …). */
  readonly warnings: readonly { readonly message: string; readonly position?: TemplatePosition; /** `cfn/unknown-resource-type`, … */ readonly rule?: string }[];
}

/**
 * What a template value is known to be before deployment. Values CloudFormation computes at
 * deploy time (`GetAtt`, pseudo parameters, imports, parameters without defaults) are `unknown`:
 * they are never reported as drift.
 */
export type ResolvedValue =
  | { readonly kind: 'literal'; readonly value: CfnValue }
  | { readonly kind: 'ref'; readonly logicalId: string; readonly stackPath: string }
  | { readonly kind: 'attribute'; readonly logicalId: string; readonly attribute: string; readonly stackPath: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly expression: CfnValue };
