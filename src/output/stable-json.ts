/**
 * Deterministic JSON: sorted keys (unless told otherwise), two-space indent, trailing newline.
 * `omit` drops bookkeeping keys such as source paths from the output.
 */
export function stableJson(value: unknown, options: { sortKeys?: boolean; omit?: readonly string[] } = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const omit = new Set(options.omit ?? []);
  const normalize = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(normalize);
    if (input && typeof input === 'object') {
      const keys = Object.keys(input).filter((key) => !omit.has(key) && (input as Record<string, unknown>)[key] !== undefined);
      if (sortKeys) keys.sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) out[key] = normalize((input as Record<string, unknown>)[key]);
      return out;
    }
    return input;
  };
  return `${JSON.stringify(normalize(value), null, 2)}\n`;
}
