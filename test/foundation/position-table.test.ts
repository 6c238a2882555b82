/**
 * A model handed to the helper thread locates its nodes through a position table instead of the
 * `yaml` Document: for every path of the data, and for paths that run past it, the table must
 * answer exactly what the Document walk answers. The transferred model must survive a structured
 * clone and equal the original in everything but `source`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticModelYaml } from '../../src/bench/synthetic-model.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import { parseModelText } from '../../src/load/parse-yaml.js';
import { tableLocator } from '../../src/load/position-table.js';
import type { NodePath } from '../../src/model/types.js';
import { received, transferable } from '../../src/pipeline/model-transfer.js';
import { ROOT } from './helpers.js';

const encode = (text: string) => new TextEncoder().encode(text);
const clone = <T>(value: T): T => structuredClone(value);

/** Every path into `data`, each followed by paths that leave it (a missing key, an index past the end). */
function pathsOf(data: unknown, at: NodePath = [], out: NodePath[] = []): NodePath[] {
  out.push(at, [...at, 'no-such-key'], [...at, 100_000], [...at, 0, 'x']);
  if (Array.isArray(data)) data.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (data && typeof data === 'object') for (const [key, value] of Object.entries(data)) pathsOf(value, [...at, key], out);
  return out;
}

const EDGE_CASES = `
plain: 1
empty:
nulls: [~, null, ]
nested: [[1, [2, {deep: {er: true}}]], {a: {b: [x, y]}}]
"quoted key": {"with: colon": v}
'42': numeric key as text
7: numeric key
anchor: &a {k: [1, 2]}
alias: *a
block:
  - - inner
    - { f: 1 }
  -
  - last: item
    and: more
`;

describe('position table', () => {
  const sources: [string, string][] = [
    ...['point-system', 'point-system-serverless', 'point-system-eks'].map((id): [string, string] => [`model/${id}.yaml`, readFileSync(path.join(ROOT, `model/${id}.yaml`), 'utf8')]),
    ['model/synthetic-300.yaml', syntheticModelYaml(300)],
    ['edge-cases.yaml', EDGE_CASES],
  ];

  it.each(sources)('locates every path of %s exactly as the Document walk does', (file, text) => {
    const parsed = parseModelText(file, encode(text));
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    const table = tableLocator(file, clone(parsed.value.locator.positionTable()));
    const paths = pathsOf(parsed.value.data);
    expect(paths.length).toBeGreaterThan(40);
    const differing = paths.filter((p) => JSON.stringify(table.locate(p)) !== JSON.stringify(parsed.value.locator.locate(p)));
    expect(differing.map((p) => p.join('.'))).toEqual([]);
  });

  it('hands over a loaded model that equals the original after a structured clone', () => {
    const { model } = loadModelFromBytes('model/point-system.yaml', encode(readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8')));
    const sent = transferable(model!);
    expect(sent).toBeDefined();
    const back = received(clone(sent!));
    const { source: originalSource, ...original } = model!;
    const { source, ...copy } = back;
    expect(copy).toEqual(original);
    expect(source.file).toBe(originalSource.file);
    const parsed = parseModelText('model/point-system.yaml', encode(readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8')));
    if (!parsed.ok) throw new Error('seed does not parse');
    const differing = pathsOf(parsed.value.data).filter((p) => JSON.stringify(source.locate(p)) !== JSON.stringify(originalSource.locate(p)));
    expect(differing).toEqual([]);
  });
});
