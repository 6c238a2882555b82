import type { Command } from 'commander';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSnapshot, priceKeysOf, serializeSnapshot, snapshotPath, type PriceEntry } from '../../cost/index.js';
import { fetchLive } from '../../cost/pricing-source.js';
import { LivePricingUnavailableError } from '../../cost/live-errors.js';
import { assertRegion } from '../../cost/regions.js';
import { UserError } from '../../diagnostics/diagnostic.js';
import { loadModelOrThrow } from '../../load/load-model.js';
import { resolveModelFiles } from '../../pipeline/project.js';
import type { CommandContext } from '../context.js';

export function registerPricing(program: Command, context: CommandContext): void {
  const pricing = program
    .command('pricing')
    .description('Manage the offline price snapshots (model/pricing/<region>.json)')
    .addHelpText('after', `
Examples:
  $ archgen pricing refresh --region ap-northeast-2
  $ archgen pricing refresh --region us-east-1 model/point-system.yaml`);
  pricing
    .command('refresh')
    .description('Fetch every price the models need from the AWS Price List API and write the region\'s snapshot')
    .requiredOption('--region <region>', 'region to snapshot, e.g. ap-northeast-2')
    .argument('[models...]', 'models whose prices to fetch (default: every model/*.yaml)')
    .option('--timeout <ms>', 'time-out per Price List request', '10000')
    .addHelpText('after', `
Examples:
  $ archgen pricing refresh --region ap-northeast-2
  $ AWS_PROFILE=billing archgen pricing refresh --region us-east-1

Uses the same client as \`archgen cost --pricing live\` (Price List API in us-east-1, the region as a
filter, cache bypassed). Prices that cannot be fetched keep their previous snapshot entry.
Exit codes: 0 written, 2 no credentials/network or bad input.`)
    .action(context.action(async (printer, files: string[], opts: { region: string; timeout: string }) => {
      const root = printer.options.root;
      assertRegion(opts.region);
      const keys = new Set<string>();
      for (const file of await resolveModelFiles(root, files)) {
        const model = await loadModelOrThrow(file, root);
        for (const env of model.environmentNames) for (const key of priceKeysOf(model, env)) keys.add(key);
      }
      const today = new Date().toISOString().slice(0, 10);
      let live;
      try {
        live = await fetchLive({ root, region: opts.region, mode: 'live', keys: [...keys], today, cacheTtlMs: 0, live: { timeoutMs: Number(opts.timeout) } });
      } catch (error) {
        if (error instanceof LivePricingUnavailableError) {
          throw new UserError(`cannot refresh prices: ${error.message}`, [{
            file: snapshotPath(opts.region), line: 1, col: 1, rule: 'cost/live-unavailable', severity: 'error', message: error.message,
            hint: 'configure AWS credentials (any identity may call pricing:GetProducts); the existing snapshot is unchanged',
          }]);
        }
        throw error;
      }
      if (live.failures.length && !Object.keys(live.snapshot.prices).length) {
        // Nothing came back: rewriting the snapshot would stamp old prices with today's date as if fetched live.
        const reason = `every Price List lookup at ${live.endpoint} failed: ${live.failures[0]!.reason}`;
        throw new UserError(`cannot refresh prices: ${reason}`, [{
          file: snapshotPath(opts.region), line: 1, col: 1, rule: 'cost/live-unavailable', severity: 'error', message: reason,
          hint: 'try again later, or check AWS_ENDPOINT_URL_PRICING and your network; the existing snapshot is unchanged',
        }]);
      }
      const file = path.join(root, snapshotPath(opts.region));
      let previous: Record<string, PriceEntry> = {};
      try {
        previous = { ...parseSnapshot(await readFile(file, 'utf8'), snapshotPath(opts.region)).prices };
      } catch {
        previous = {};
      }
      const prices = { ...live.snapshot.prices };
      const kept: string[] = [];
      for (const failure of live.failures) {
        const old = previous[failure.key];
        if (old) {
          prices[failure.key] = old;
          kept.push(failure.key);
        }
        printer.err(printer.paint.yellow(`! ${failure.key}: ${failure.reason}${old ? ' (previous entry kept)' : ''}`));
      }
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, serializeSnapshot({ ...live.snapshot, prices }));
      await rename(`${file}.tmp`, file);
      const s = live.stats;
      const summary = { file: snapshotPath(opts.region), prices: Object.keys(prices).length, fetched: Object.keys(live.snapshot.prices).length, kept, notOffered: Object.keys(live.snapshot.notOffered), stats: s };
      if (printer.options.format === 'json') printer.json(summary);
      else if (!printer.options.quiet) {
        printer.out(`wrote ${summary.file}: ${summary.fetched} prices fetched, ${kept.length} kept from the previous snapshot, ${summary.notOffered.length} classes not offered`);
        printer.out(`Price List: ${s.queries} queries, ${s.pages} pages, ${s.retries} retries, ${s.malformed} malformed items skipped`);
      }
      return 0;
    }));
}
