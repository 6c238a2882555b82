/** The shape of a lint rule: a descriptor plus a pure check over the analysed environment. */
import type { NodePath } from '../../model/types.js';
import type { Reachability, RuleDescriptor, Severity } from '../types.js';
import type { EnvironmentView } from '../view.js';

export interface LintContext {
  readonly view: EnvironmentView;
  readonly reachability: Reachability;
}

/** A finding before it is located and matched against suppressions. */
export interface RawFinding {
  /** Defaults to the rule's `defaultSeverity`. */
  readonly severity?: Severity;
  readonly message: string;
  readonly hint: string;
  /** Model id the finding is about; suppressions name it. */
  readonly target: string;
  /** Model path of the node to point at. */
  readonly loc: NodePath;
}

export interface LintRule extends RuleDescriptor {
  check(context: LintContext): readonly RawFinding[];
}

/** `"alb-sg"`: how messages quote model ids and values. */
export const q = (value: string | number): string => `"${value}"`;
