/**
 * The contract between `archgen render` and a diagram format (Mermaid, draw.io): which sources
 * it takes, and a session on the shared browser that turns one source into image files.
 */
import type { Browser } from 'puppeteer-core';

/** One source file to render: project-relative POSIX path and its bytes as text. */
export interface RenderSource {
  readonly path: string;
  readonly content: string;
}

/** One rendered file, named relative to the model's rendered folder (e.g. `architecture.svg`). */
export interface RenderedImage {
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface RenderOptions {
  /** Also write PNG next to every SVG. */
  readonly png: boolean;
}

export interface RendererSession {
  /** How many `render` calls may run at once (default 1). */
  readonly concurrency?: number;
  /** Renders one source; throws an Error whose message says what is wrong with the source. */
  render(source: RenderSource): Promise<readonly RenderedImage[]>;
  close(): Promise<void>;
}

export interface DiagramRenderer {
  /** Short name, recorded in the render manifest (`mermaid`, `drawio`). */
  readonly name: string;
  /** Whether a project-relative path under `output/<model>/` is a source of this renderer. */
  accepts(path: string): boolean;
  /** Version of the underlying tool, recorded in the manifest. */
  version(): Promise<string>;
  /** Prepares rendering in `browser` (pages, bundles) once for all sources. */
  open(browser: Browser, options: RenderOptions): Promise<RendererSession>;
}

/** File stem of a source path: `output/m/diagrams/architecture.mmd` → `architecture`. */
export const stemOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
