/**
 * The result of the security analysis of one model environment: the contract that the
 * `security` generator, the CLI and other generators (documents, site) code against.
 * Every type is plain, serializable data; text shown to people comes in both locales.
 */
import type { ComponentType, Protocol, Text } from '../model/types.js';

/** Finding severities, most severe first. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Where something is declared in the model YAML (1-based), plus its model path (`securityGroups.0.ingress.0`). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
}

/** An inclusive port range of one protocol; protocol `all` is always 0–65535. */
export interface PortRange {
  readonly protocol: Protocol;
  readonly fromPort: number;
  readonly toPort: number;
}

/** The other side of a rule as shown to people. */
export type PeerRef =
  | { readonly kind: 'security-group'; readonly id: string; readonly label: Text }
  | { readonly kind: 'cidr'; readonly cidr: string; readonly label: Text };

// ---------------------------------------------------------------- matrix

/** Id of the Internet (0.0.0.0/0) in matrix rows and reachability nodes; `@` keeps it apart from model ids. */
export const INTERNET = '@internet';

/** A matrix row: who sends the traffic. */
export interface MatrixSource {
  /** `@internet`, a security group id, or a CIDR block. */
  readonly key: string;
  readonly kind: 'internet' | 'security-group' | 'cidr';
  readonly label: Text;
}

/** A matrix column: the security group receiving the traffic. */
export interface MatrixDestination {
  readonly securityGroup: string;
  readonly label: Text;
}

/** One inbound rule of a destination group that admits a source. */
export interface MatrixPermission extends PortRange {
  /** `tcp/443`, `tcp/1024-65535`, `all`. */
  readonly label: string;
  readonly description: Text;
  /**
   * Whether the source's own outbound rules let this traffic leave. Always true for the
   * Internet and CIDR rows; false shows an inbound rule that can never be used.
   */
  readonly egressAllowed: boolean;
  readonly source: SourceRef;
}

/** Rows = sources, columns = destination security groups, `cells[row][column]` = what is allowed (empty: nothing). */
export interface SecurityMatrix {
  readonly sources: readonly MatrixSource[];
  readonly destinations: readonly MatrixDestination[];
  readonly cells: readonly (readonly (readonly MatrixPermission[])[])[];
}

// ---------------------------------------------------------------- rule tables

export interface RuleTableRow extends PortRange {
  readonly direction: 'inbound' | 'outbound';
  /** `443`, `1024-65535`, `All traffic`. */
  readonly ports: string;
  /** Well-known service of the port (`HTTPS`, `PostgreSQL`), when there is one. */
  readonly service?: string;
  readonly peer: PeerRef;
  readonly description: Text;
  /** The rule in the seed's words: `443 (HTTPS) from 0.0.0.0/0`, `All traffic`. */
  readonly summary: Text;
  readonly source: SourceRef;
}

/** One security group's rules in the shape of the seed's tables (Inbound / Outbound, `None` for no outbound). */
export interface RuleTable {
  readonly securityGroup: string;
  readonly name: Text;
  readonly description: Text;
  /** Component ids the group is attached to, in model order. */
  readonly attachedTo: readonly string[];
  readonly inbound: readonly RuleTableRow[];
  readonly outbound: readonly RuleTableRow[];
  /** True when the model says `egress: none`. */
  readonly outboundNone: boolean;
  /** Seed-shaped lines after `Inbound:`: `443 (HTTPS) from 0.0.0.0/0`, or `None`. */
  readonly inboundText: readonly Text[];
  /** Seed-shaped lines after `Outbound:`: `All traffic`, or `None`. */
  readonly outboundText: readonly Text[];
  readonly source: SourceRef;
}

// ---------------------------------------------------------------- reachability

export interface ReachNode {
  /** `@internet`, a CIDR block outside the VPC, or a component id. */
  readonly id: string;
  readonly kind: 'internet' | 'cidr' | 'component';
  readonly label: Text;
  readonly componentType?: ComponentType;
}

/** `from` can open connections to `to` on these ports: the destination's inbound rules admit it and the source's outbound rules let it out. */
export interface ReachEdge {
  readonly from: string;
  readonly to: string;
  /** Ports the destination listens on that the rules allow (or the rules' ranges when it listens on nothing known). */
  readonly ports: readonly PortRange[];
  /** `:443`, `:5432`, `:all`. */
  readonly label: string;
  /** The inbound rules that admit the traffic. */
  readonly rules: readonly SourceRef[];
}

export interface ReachHop {
  readonly node: string;
  readonly label: Text;
  /** Ports used to enter this hop (absent on the first). */
  readonly via?: string;
}

/** A maximal path from an entry point (the Internet or an outside CIDR) through the network. */
export interface ReachabilityPath {
  readonly hops: readonly ReachHop[];
  /** `Internet → Application Load Balancer :443 → Points API :8080 → RDS :5432`. */
  readonly text: Text;
}

/** Who can reach a data store, directly and through other components. */
export interface DataStoreAccess {
  readonly dataStore: string;
  readonly label: Text;
  readonly componentType: ComponentType;
  /** False for regional services reached through IAM, not the network (e.g. DynamoDB tables). */
  readonly networkReachable: boolean;
  /** Nodes with a direct edge to the store, with the ports. */
  readonly direct: readonly { readonly node: string; readonly label: Text; readonly ports: string }[];
  /** Every node with a path to the store (including the direct ones), in model order. */
  readonly transitive: readonly string[];
  /** Components granted IAM access in the model (`permissions`), for stores reached through IAM. */
  readonly iam: readonly string[];
  /** How the Internet reaches the store: straight in, through other hops, or not at all. */
  readonly internet: 'direct' | 'transitive' | 'none';
}

export interface Reachability {
  readonly nodes: readonly ReachNode[];
  readonly edges: readonly ReachEdge[];
  readonly paths: readonly ReachabilityPath[];
  /** True when the listing stopped at `MAX_PATHS` (500) paths; edges and data-store access are always complete. */
  readonly pathsTruncated: boolean;
  readonly dataStores: readonly DataStoreAccess[];
}

// ---------------------------------------------------------------- findings

/** Description of a lint rule, for reports, SARIF and documentation. */
export interface RuleDescriptor {
  /** Stable id, e.g. `sec/world-open-port`. */
  readonly id: string;
  /** PascalCase name for SARIF, e.g. `WorldOpenPort`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Severity used when a finding does not say otherwise. */
  readonly defaultSeverity: Severity;
}

export interface Finding {
  /** Stable id derived from rule, target and model path. */
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint: string;
  /** Model id the finding is about (component, security group, subnet); suppressions match on it. */
  readonly target: string;
  readonly location: SourceRef;
}

export interface SuppressedFinding extends Finding {
  readonly suppression: { readonly reason: string; readonly location: SourceRef };
}

/** A suppression declared in the model, with how many findings it silenced (0: it matches nothing). */
export interface SuppressionReport {
  readonly rule: string;
  readonly target: string;
  readonly reason: string;
  readonly matched: number;
  readonly location: SourceRef;
}

/** Everything the security analysis knows about one environment of one model. */
export interface SecurityAnalysis {
  readonly model: string;
  readonly environment: string;
  /** Model file, project-relative. */
  readonly file: string;
  readonly title: Text;
  readonly matrix: SecurityMatrix;
  readonly ruleTables: readonly RuleTable[];
  readonly reachability: Reachability;
  /** Active findings, most severe first, then by position. */
  readonly findings: readonly Finding[];
  /** Findings silenced by a suppression, with its reason. */
  readonly suppressed: readonly SuppressedFinding[];
  readonly suppressions: readonly SuppressionReport[];
  /** Every lint rule that ran, in id order. */
  readonly rules: readonly RuleDescriptor[];
  /** Active findings per severity. */
  readonly summary: Readonly<Record<Severity, number>>;
}
