/**
 * The in-memory result of a run: project-relative POSIX path → content. A second generator
 * claiming a path already taken is a bug, reported with both names.
 */
export class FileSet {
  private readonly files = new Map<string, { content: Uint8Array; owner: string; model: string | undefined }>();

  /** `model` is the model id the file belongs to; undefined for project-wide files. */
  add(path: string, content: string | Uint8Array, owner: string, model?: string): void {
    if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '') || path.includes('\\')) {
      throw new Error(`generator "${owner}" produced an invalid path "${path}"`);
    }
    const existing = this.files.get(path);
    if (existing) throw new Error(`generators "${existing.owner}" and "${owner}" both produce ${path}`);
    this.files.set(path, { content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, owner, model });
  }

  get(path: string): Uint8Array | undefined {
    return this.files.get(path)?.content;
  }

  ownerOf(path: string): string | undefined {
    return this.files.get(path)?.owner;
  }

  modelOf(path: string): string | undefined {
    return this.files.get(path)?.model;
  }

  /** Paths in byte order, so every machine lists them identically. */
  paths(): string[] {
    return [...this.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get size(): number {
    return this.files.size;
  }
}
