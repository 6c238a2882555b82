import { emptySnapshot, estimateCost, estimateToCsv, estimateToJson, estimateToMarkdown, parseSnapshot, snapshotPath, tryRegion, type PriceSnapshot } from '../cost/index.js';
import { costReportSchema } from '../cost/report-schema.js';
import { stableJson } from '../output/stable-json.js';
import type { GeneratedFile, Generator } from './types.js';

function snapshotFor(region: string, inputs: ReadonlyMap<string, string>): PriceSnapshot {
  const path = snapshotPath(region);
  const text = inputs.get(path);
  if (text === undefined) {
    return emptySnapshot(region, tryRegion(region)?.location ?? region, `no ${path}: run \`archgen pricing refresh --region ${region}\``);
  }
  return parseSnapshot(text, path);
}

/**
 * Monthly cost reports per environment from the committed price snapshots:
 * `output/<model>/cost/<env>.{md,json,csv}`, and the report's JSON Schema.
 */
export const costGenerator: Generator = {
  name: 'cost',
  description: 'Monthly cost estimates per environment (output/<model>/cost/<env>.md|json|csv)',
  reads: ['model/pricing/'],
  generate(model, ctx) {
    const files: GeneratedFile[] = [];
    for (const env of model.environmentNames) {
      const region = model.environments[env]!.metadata.region;
      const estimate = estimateCost(model, env, snapshotFor(region, ctx.inputs));
      const base = `output/${model.id}/cost/${env}`;
      files.push({ path: `${base}.md`, content: estimateToMarkdown(estimate) });
      files.push({ path: `${base}.json`, content: estimateToJson(estimate) });
      files.push({ path: `${base}.csv`, content: estimateToCsv(estimate) });
    }
    return files;
  },
  generateProject: () => [{ path: 'model/cost-report.schema.json', content: stableJson(costReportSchema(), { sortKeys: false }) }],
};
