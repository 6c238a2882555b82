/** Shipped snapshots, the report formats and their JSON Schema, the availability warnings. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { lint } from 'markdownlint/promise';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { priceSpec } from '../../src/cost/catalog.js';
import {
  classAvailabilityWarnings, compareEstimates, costReportSchema, diffToMarkdown, estimateCost, estimateToCsv, estimateToHtml, estimateToJson,
  estimateToMarkdown, parseSnapshot, priceKeysOf, type CostEstimate,
} from '../../src/cost/index.js';
import { assertRegion } from '../../src/cost/regions.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { ROOT, seedModel, shippedSnapshot } from './helpers.js';

let seed: ArchitectureModel;
let prod: CostEstimate;
beforeAll(async () => {
  seed = await seedModel();
  prod = estimateCost(seed, 'prod', shippedSnapshot('ap-northeast-2'));
});

describe('shipped snapshots', () => {
  for (const region of ['us-east-1', 'ap-northeast-2']) {
    it(`${region}: every price has a source and a date, and the catalog can query it`, () => {
      const snapshot = shippedSnapshot(region);
      expect(snapshot.region).toBe(region);
      for (const [key, entry] of Object.entries(snapshot.prices)) {
        expect(priceSpec(key, assertRegion(region)), key).toBeDefined();
        expect(entry.source.length, key).toBeGreaterThan(20);
        expect(entry.effectiveDate, key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(entry.price, key).toBeGreaterThan(0);
      }
    });
  }

  it('holds every on-demand price the bundled models use (Spot and unoffered classes excepted)', async () => {
    const models = readdirSync(path.join(ROOT, 'model')).filter((f) => /\.ya?ml$/.test(f));
    for (const file of models) {
      const model = await loadModelOrThrow(path.join(ROOT, 'model', file), ROOT);
      for (const env of model.environmentNames) {
        for (const region of ['us-east-1', 'ap-northeast-2']) {
          const snapshot = shippedSnapshot(region);
          const missing = priceKeysOf(model, env).filter((k) => !k.startsWith('fargate-spot') && !snapshot.prices[k] && !snapshot.notOffered[k]);
          expect(missing, `${file} ${env} ${region}`).toEqual([]);
        }
      }
    }
  });

  it('rejects broken snapshot text with the file and field named', () => {
    expect(() => parseSnapshot('{', 'x.json')).toThrow(/x\.json: not valid JSON/);
    expect(() => parseSnapshot('{"formatVersion":2}', 'x.json')).toThrow(/unsupported formatVersion 2/);
    const good = JSON.parse(JSON.stringify(shippedSnapshot('us-east-1')));
    good.prices['nat:hours'].price = -1;
    expect(() => parseSnapshot(JSON.stringify(good), 'x.json')).toThrow(/prices\["nat:hours"\]\.price must be a non-negative number/);
  });
});

describe('reports', () => {
  it('JSON matches the published schema, and the schema rejects a priced line without its trace', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(costReportSchema());
    for (const env of seed.environmentNames) {
      const data = JSON.parse(estimateToJson(estimateCost(seed, env, shippedSnapshot('ap-northeast-2'))));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
    const broken = JSON.parse(estimateToJson(prod));
    delete broken.lines.find((l: { notPriced?: string }) => !l.notPriced).source;
    expect(validate(broken)).toBe(false);
  });

  it('Markdown shows totals, not-priced reasons, references and the seed ranges left out', () => {
    const md = estimateToMarkdown(prod);
    expect(md).toContain(`**Total (min / expected / max):** $${prod.total.min.toFixed(2)} / $${prod.total.expected.toFixed(2)} / $${prod.total.max.toFixed(2)} per month`);
    expect(md).toMatch(/\*\*not priced:\*\* not offered in ap-northeast-2: db\.t3\.small is not offered for Aurora PostgreSQL/);
    expect(md).toContain('Costs the seed ranges left out');
    expect(md).toContain('| Total | $195.00–$630.00 |');
  });

  it('Markdown reports and diffs pass markdownlint (the project\'s document settings)', async () => {
    const dev = estimateCost(seed, 'dev', shippedSnapshot('ap-northeast-2'));
    const strings = { prod: estimateToMarkdown(prod), dev: estimateToMarkdown(dev), diff: diffToMarkdown(compareEstimates(prod, dev, { before: 'prod', after: 'dev' })) };
    const result = await lint({ strings, config: { default: true, MD013: false, MD033: { allowed_elements: ['br'] } } });
    expect(result.toString()).toBe('');
  });

  it('escapes model text in Markdown, HTML and CSV', () => {
    const hostile: CostEstimate = { ...prod, lines: prod.lines.map((l, i) => (i === 1 ? { ...l, componentName: 'a|b <script>x</script>', dimension: '=cmd()' } : l)) };
    expect(estimateToMarkdown(hostile)).toContain('a\\|b \\<script\\>x\\</script\\>');
    expect(estimateToHtml(hostile)).toContain('a|b &lt;script&gt;x&lt;/script&gt;');
    expect(estimateToHtml(hostile)).not.toContain('<script>');
    const row = estimateToCsv(hostile).split('\r\n')[2]!;
    expect(row).toContain(",'=cmd(),");
  });

  it('CSV has one row per line plus the total', () => {
    const rows = estimateToCsv(prod).trimEnd().split('\r\n');
    expect(rows).toHaveLength(prod.lines.length + 2);
    expect(rows.at(-1)).toBe(`TOTAL,,,,,,,,,${prod.total.min},${prod.total.expected},${prod.total.max},,,,,,`);
  });

  it('diffs two environments line by line', () => {
    const dev = estimateCost(seed, 'dev', shippedSnapshot('ap-northeast-2'));
    const diff = compareEstimates(prod, dev, { before: 'prod', after: 'dev' });
    expect(diff.delta.expected).toBe(Math.round((dev.total.expected - prod.total.expected) * 100) / 100);
    const nat = diff.lines.find((l) => l.id === 'nat-gateways/gateway-hours')!;
    expect(nat).toMatchObject({ status: 'changed', before: 86.14, after: 43.07, delta: -43.07 }); // 2 → 1 NAT × 730 h × $0.059
    expect(diff.lines.find((l) => l.id === 'points-db/reader 2 instance-hours (db.t3.small)')).toMatchObject({ status: 'removed', note: expect.stringMatching(/before not priced/) });
    expect(diffToMarkdown(diff)).toContain('| nat-gateways/gateway-hours | changed | $86.14 | $43.07 | −$43.07 |');
  });
});

describe('availability warnings for validate', () => {
  it('warns about the Aurora PostgreSQL db.t3.small reader at its YAML position', () => {
    const warnings = classAvailabilityWarnings(seed, new Map([['ap-northeast-2', shippedSnapshot('ap-northeast-2')]]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'model/point-system.yaml', rule: 'cost/class-not-offered', severity: 'warning' });
    expect(warnings[0]!.message).toMatch(/^reader instance class db\.t3\.small of points-db \(Aurora PostgreSQL\) is not offered in ap-northeast-2/);
    const yamlLine = seed.text.split('\n')[warnings[0]!.line - 1]!;
    expect(yamlLine).toContain('instanceClass: db.t3.small');
  });

  it('says nothing about regions it has no price data for', () => {
    expect(classAvailabilityWarnings(seed, new Map())).toEqual([]);
  });
});
