/**
 * Deterministic JSON: sorted keys (unless told otherwise), two-space indent, trailing newline.
 * `omit` drops bookkeeping keys such as source paths from the output.
 */
export function stableJson(value: unknown, options: { sortKeys?: boolean; omit?: readonly string[] } = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const omit = options.omit?.length ? new Set(options.omit) : undefined;
  // Plain loops: this copies every object of reports that run to megabytes.
  const normalize = (input: unknown): unknown => {
    if (typeof input !== 'object' || input === null) return input;
    if (Array.isArray(input)) {
      const out = new Array<unknown>(input.length);
      for (let i = 0; i < input.length; i++) out[i] = normalize(input[i]);
      return out;
    }
    const record = input as Record<string, unknown>;
    const keys = Object.keys(record);
    if (sortKeys) keys.sort();
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const item = record[key];
      if (item === undefined || omit?.has(key)) continue;
      out[key] = normalize(item);
    }
    return out;
  };
  return `${JSON.stringify(normalize(value), null, 2)}\n`;
}
