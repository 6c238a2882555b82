/**
 * What the site shows, independent of where it came from: the build gathers these views from
 * the generators and the analysis APIs, the pages turn them into HTML. A piece that is not
 * available says why, and its tab says so instead of showing a fake.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ArchitectureModel, Locale } from '../model/types.js';

export type Availability<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'missing'; readonly reason: string };

export const available = <T>(value: T): Availability<T> => ({ status: 'ok', value });
export const missing = <T>(reason: string): Availability<T> => ({ status: 'missing', reason });

/** One `.drawio` file of the model (all its pages are shown in one viewer). */
export interface DrawioFile {
  /** Project-relative path of the generated file, e.g. `resource/point-system.drawio`. */
  readonly path: string;
  readonly xml: string;
}

/** One Mermaid diagram rendered to SVG. */
export interface MermaidDiagram {
  /** File name stem, used for the SVG file and the anchor. */
  readonly name: string;
  readonly title: string;
  /** Project-relative path of the Mermaid source, or of the document that embeds it. */
  readonly sourcePath: string;
  /** The Mermaid text, to match code blocks of the document with their rendering. */
  readonly source: string;
  /** The rendered SVG; empty when rendering failed (then `error` says why). */
  readonly svg: string;
  readonly error?: string;
}

/** One allowed flow of the security-group matrix. */
export interface MatrixRow {
  /** Security group, CIDR or `-` the traffic comes from. */
  readonly source: string;
  /** Security group the rule belongs to. */
  readonly target: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  readonly ports: string;
  readonly description: string;
  /** Line of the rule in the model, for the link to the YAML. */
  readonly line?: number;
}

export interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly target?: string;
  readonly hint?: string;
}

/** The matrix as a grid: sources down, destination security groups across, allowed ports in the cells. */
export interface MatrixGrid {
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  /** `cells[source][destination]`: port labels allowed, empty when nothing is. */
  readonly cells: readonly (readonly (readonly string[])[])[];
}

export interface SecurityView {
  readonly environment: string;
  readonly grid: MatrixGrid;
  readonly rows: readonly MatrixRow[];
  readonly findings: readonly Finding[];
}

export interface CostLine {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly expected: number;
  readonly max: number;
}

export interface CostEnvironment {
  readonly name: string;
  readonly lines: readonly CostLine[];
  readonly total: { readonly min: number; readonly expected: number; readonly max: number };
}

export interface CostView {
  readonly currency: string;
  readonly environments: readonly CostEnvironment[];
  readonly notes: readonly string[];
}

/** Everything one model's pages show. */
export interface SiteModel {
  readonly model: ArchitectureModel;
  readonly documents: Availability<Readonly<Record<Locale, string>>>;
  readonly drawio: Availability<readonly DrawioFile[]>;
  readonly mermaid: Availability<readonly MermaidDiagram[]>;
  /** Mermaid blocks of the document that are not among the generator's diagrams, rendered too. */
  readonly documentDiagrams: readonly MermaidDiagram[];
  readonly security: Availability<SecurityView>;
  readonly cost: Availability<CostView>;
}

export interface SiteContent {
  readonly models: readonly SiteModel[];
  /** Comparison of several models, as Markdown; shown only when there are two or more models. */
  readonly comparison: Availability<Readonly<Record<Locale, string>>>;
  /** Adds the live-reload client (watch mode only: static builds make no requests at all). */
  readonly live: boolean;
  /** Identifies this build to the live-reload client (watch mode). */
  readonly buildId?: string;
}

/** Diagnostics of a model that could not be built, for the watch page. */
export interface BuildFailure {
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}
