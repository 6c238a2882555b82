import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  compareEstimates, diffToMarkdown, diffToTable, estimateCost, estimateToCsv, estimateToHtml, estimateToJson, estimateToMarkdown,
  estimateToTable, priceKeysOf, type CostEstimate,
} from '../../cost/index.js';
import { costReportSchema } from '../../cost/report-schema.js';
import { resolvePrices } from '../../cost/pricing-source.js';
import { UserError } from '../../diagnostics/diagnostic.js';
import { loadModelOrThrow, toDisplayPath } from '../../load/load-model.js';
import type { ArchitectureModel } from '../../model/types.js';
import { resolveModelFiles } from '../../pipeline/project.js';
import type { CommandContext } from '../context.js';

type Report = 'table' | 'md' | 'json' | 'csv' | 'html';

interface CostOptions {
  env?: string;
  region?: string;
  pricing: 'snapshot' | 'live';
  report?: Report;
  compare?: string;
  cacheTtl: string;
  timeout: string;
}

const today = (): string => new Date().toISOString().slice(0, 10);

function render(estimate: CostEstimate, report: Report): string {
  switch (report) {
    case 'md': return estimateToMarkdown(estimate);
    case 'json': return estimateToJson(estimate);
    case 'csv': return estimateToCsv(estimate);
    case 'html': return estimateToHtml(estimate);
    default: return estimateToTable(estimate);
  }
}

/** A baseline JSON report (a previous `--report json`), checked against the report schema. */
async function readBaseline(file: string, root: string): Promise<CostEstimate> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.resolve(root, file), 'utf8'));
  } catch (error) {
    throw new UserError(`cannot read baseline ${file}: ${(error as Error).message}`);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(costReportSchema());
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new UserError(`${file} is not a cost report: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim(), [{
      file: toDisplayPath(file, root), line: 1, col: 1, rule: 'cost/bad-baseline', severity: 'error', message: 'not a cost report',
      hint: 'write a baseline with `archgen cost <model> --report json > baseline.json`',
    }]);
  }
  return data as CostEstimate;
}

export function registerCost(program: Command, context: CommandContext): void {
  program
    .command('cost')
    .description('Monthly cost estimate from the AWS Price List (snapshot or live), with scenarios and diffs')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('-e, --env <env>', 'environment to price (default: the model\'s first, usually prod)')
    .option('--region <region>', 'price in this region instead of the model\'s')
    .addOption(new Option('--pricing <mode>', 'where prices come from').choices(['snapshot', 'live']).default('snapshot'))
    .addOption(new Option('--report <format>', 'report format (the global --format json implies --report json)').choices(['table', 'md', 'json', 'csv', 'html']))
    .option('--compare <file>', 'show per-line differences against another model (.yaml) or a baseline report (.json)')
    .option('--cache-ttl <hours>', 'live mode: reuse cached Price List answers this long (0 disables .cache/pricing)', '24')
    .option('--timeout <ms>', 'live mode: time-out per Price List request', '10000')
    .addHelpText('after', `
Examples:
  $ archgen cost model/point-system.yaml --env prod
  $ archgen cost --env dev --report md > cost.md
  $ archgen cost model/point-system.yaml --pricing live          # AWS credentials from the standard chain
  $ archgen cost model/point-system.yaml --compare model/point-system-serverless.yaml --report md
  $ archgen cost model/point-system.yaml --report json > baseline.json && archgen cost model/point-system.yaml --compare baseline.json

Why --report and not --format: --format is the global text|json switch of every command;
--format json here means --report json. The JSON report follows model/cost-report.schema.json.
Live mode uses the Price List API in us-east-1 whatever --region says; set AWS_ENDPOINT_URL_PRICING
to use another endpoint. Without credentials or network it says so and uses model/pricing/<region>.json.

Exit codes: 0 ok, 2 invalid model, unknown region/environment, missing snapshot.`)
    .action(context.action(async (printer, files: string[], opts: CostOptions) => {
      const root = printer.options.root;
      const report: Report = opts.report ?? (printer.options.format === 'json' ? 'json' : 'table');
      const modelFiles = await resolveModelFiles(root, files);
      const ttlHours = Number(opts.cacheTtl);
      const timeoutMs = Number(opts.timeout);
      if (!Number.isFinite(ttlHours) || ttlHours < 0) throw new UserError(`--cache-ttl must be a number of hours, got "${opts.cacheTtl}"`);
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UserError(`--timeout must be a positive number of milliseconds, got "${opts.timeout}"`);

      const estimate = async (model: ArchitectureModel, envName?: string): Promise<CostEstimate> => {
        const env = envName ?? opts.env ?? model.defaultEnvironment;
        const keys = priceKeysOf(model, env);
        const region = opts.region ?? model.environments[env]!.metadata.region;
        printer.progress(`pricing ${model.id} (${env}, ${region}, ${opts.pricing})`);
        const resolved = await resolvePrices({ root, region, mode: opts.pricing, keys, today: today(), cacheTtlMs: ttlHours * 3_600_000, live: { timeoutMs } });
        printer.endProgress();
        for (const note of resolved.notes) printer.err(printer.paint.yellow(`! ${note}`));
        if (resolved.stats && !printer.options.quiet) {
          const s = resolved.stats;
          printer.err(printer.paint.dim(`Price List: ${s.queries} queries, ${s.pages} pages, ${s.retries} retries, ${s.cacheHits} cache hits, ${s.malformed} malformed items skipped`));
        }
        return estimateCost(model, env, resolved.prices, { pricing: resolved.pricing });
      };

      const models: ArchitectureModel[] = [];
      for (const file of modelFiles) models.push(await loadModelOrThrow(file, root));
      if (opts.compare) {
        const after = await estimate(models[0]!);
        const before = /\.json$/i.test(opts.compare)
          ? await readBaseline(opts.compare, root)
          : await estimate(await loadModelOrThrow(path.resolve(root, opts.compare), root), opts.env);
        const diff = compareEstimates(before, after, { before: `${before.model} (${before.environment})`, after: `${after.model} (${after.environment})` });
        process.stdout.write(report === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : report === 'md' ? diffToMarkdown(diff) : diffToTable(diff));
        return 0;
      }
      for (const model of models) {
        const result = await estimate(model);
        process.stdout.write(render(result, report));
        for (const w of result.warnings) if (report !== 'table') printer.err(printer.paint.yellow(`warning: ${w}`));
      }
      return 0;
    }));
}
