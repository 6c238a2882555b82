/** estimateCost and parseSnapshot hand out one object per input, so every caller prices a model once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateCost, estimateToJson, parseSnapshot } from '../../src/cost/index.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = 'model/pricing/ap-northeast-2.json';
const TEXT = readFileSync(path.join(ROOT, FILE), 'utf8');

describe('shared cost estimates', () => {
  it('parses the same snapshot text once per file name', () => {
    expect(parseSnapshot(TEXT, FILE)).toBe(parseSnapshot(TEXT, FILE));
    expect(parseSnapshot(`${TEXT} `, FILE)).not.toBe(parseSnapshot(TEXT, FILE));
    expect(parseSnapshot(TEXT, 'other.json')).toEqual(parseSnapshot(TEXT, FILE));
    expect(() => parseSnapshot('{', 'broken.json')).toThrow(/broken\.json/);
    expect(() => parseSnapshot('{', 'broken.json')).toThrow(/broken\.json/);
  });

  it('estimates once per model, environment and snapshot, and the same as a fresh computation', async () => {
    const model = await loadModelOrThrow(path.join(ROOT, 'model/point-system.yaml'), ROOT);
    const snapshot = parseSnapshot(TEXT, FILE);
    const prod = estimateCost(model, 'prod', snapshot);
    expect(estimateCost(model, 'prod', parseSnapshot(TEXT, FILE))).toBe(prod);
    const dev = estimateCost(model, 'dev', snapshot);
    expect(dev).not.toBe(prod);
    expect(dev.environment).toBe('dev');
    expect(dev.total.expected).not.toBe(prod.total.expected);
    // Another snapshot object (equal content) computes anew, with the same result.
    const fresh = estimateCost(model, 'prod', { ...snapshot });
    expect(fresh).not.toBe(prod);
    expect(estimateToJson(fresh)).toBe(estimateToJson(prod));
    // Another model object too.
    const again = await loadModelOrThrow(path.join(ROOT, 'model/point-system.yaml'), ROOT);
    expect(estimateCost(again, 'prod', snapshot)).not.toBe(prod);
  });

  it('does not remember estimates made with an explicit pricing source', async () => {
    const model = await loadModelOrThrow(path.join(ROOT, 'model/point-system.yaml'), ROOT);
    const snapshot = parseSnapshot(TEXT, FILE);
    const pricing = { mode: 'snapshot' as const, requested: 'snapshot' as const, description: 'told' };
    const first = estimateCost(model, 'prod', snapshot, { pricing });
    expect(first.pricing.description).toBe('told');
    expect(estimateCost(model, 'prod', snapshot, { pricing })).not.toBe(first);
    expect(estimateCost(model, 'prod', snapshot).pricing.description).not.toBe('told');
  });
});
