/**
 * The generated Korean document states every fact of the seed document, and the list of those
 * facts covers every seed quote of the model-side list in test/fixtures/seed-facts.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchitectureModel } from '../../src/model/types.js';
import { SEED_FACTS } from '../fixtures/seed-facts.js';
import { docInputs, documents, projectModels, ROOT } from './helpers.js';
import { missingFacts, plainText, SEED_DOCUMENT_FACTS } from './seed-document-facts.js';

const seed = readFileSync(path.resolve(ROOT, 'test/fixtures/seed/aws-architecture.ko.md'), 'utf8');
let korean: string;
let english: string;

beforeAll(async () => {
  const models: ArchitectureModel[] = await projectModels();
  const docs = documents(models.find((m) => m.id === 'point-system')!, models, await docInputs());
  korean = docs.get('output/point-system/architecture.ko.md')!;
  english = docs.get('output/point-system/architecture.en.md')!;
});

describe('seed facts in the generated Korean document', () => {
  it('states every fact of the seed document', () => {
    expect(missingFacts(korean).map((f) => `${f.section} ${f.id}: ${String(f.expect ?? f.seed)}`)).toEqual([]);
  });

  it('quotes each fact from the seed document', () => {
    const plainSeed = plainText(seed);
    expect(SEED_DOCUMENT_FACTS.filter((f) => !plainSeed.includes(plainText(f.seed))).map((f) => f.id)).toEqual([]);
  });

  it('covers every seed quote the model-side fact list names', () => {
    const quotes = SEED_DOCUMENT_FACTS.map((f) => plainText(f.seed));
    const uncovered = [...new Set(SEED_FACTS.map((f) => plainText(f.seed).replace(/^# /, '')))]
      .filter((quote) => !quotes.some((q) => q.includes(quote) || quote.includes(q)));
    expect(uncovered).toEqual([]);
  });

  it('detects a missing fact (the check can fail)', () => {
    const without = korean.replaceAll('HikariCP', 'SomePool');
    expect(missingFacts(without).map((f) => f.id)).toEqual(['pool-library']);
  });

  it('adds what the seed only estimated: the computed cost with its snapshot date, the security findings and the diagrams', () => {
    expect(korean).toMatch(/가격 스냅샷 `model\/pricing\/ap-northeast-2\.json` \(기준일 \d{4}-\d{2}-\d{2}\)/);
    expect(korean).toMatch(/\| \*\*합계\*\* \| \*\*\$[\d,]+\.\d\d\*\* \| \*\*\$[\d,]+\.\d\d\*\* \| \*\*\$[\d,]+\.\d\d\*\* \|/);
    expect(korean).toContain('```mermaid\npie showData');
    expect(korean).toContain('### 7.5 보안 점검 결과');
    expect(korean).toContain('```mermaid\nflowchart');
  });

  it('writes the English document from the English locale with the same figures', () => {
    expect(english).toContain('## 1. Overview');
    expect(english).toContain('Max Pool Size**: 20');
    expect(english).toContain('CPU utilization > 70%: scale out');
    // Mermaid labels and the seed's next-document file name are the model's own text; the prose is English.
    const prose = english.replace(/```[\s\S]*?```/g, '').replace(/\]\([^)]*\)/g, ']');
    expect(prose.match(/[가-힣]+/g) ?? []).toEqual([]);
  });
});
