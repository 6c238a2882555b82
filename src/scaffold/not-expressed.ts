import type { NodePath } from '../model/types.js';

/** A model element the scaffold has no CDK counterpart for, and why. */
export interface NotExpressed {
  /** Location in the model, e.g. `components[3].connectionPool` (also the key for `locate`). */
  readonly loc: NodePath;
  /** Human path, e.g. `components.points-db.connectionPool`. */
  readonly path: string;
  readonly reason: string;
}

/** Collects {@link NotExpressed} entries in the order they are found. */
export class NotExpressedList {
  private readonly entries: NotExpressed[] = [];

  add(loc: NodePath, path: string, reason: string): void {
    this.entries.push({ loc, path, reason });
  }

  list(): readonly NotExpressed[] {
    return this.entries;
  }
}
