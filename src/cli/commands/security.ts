/**
 * `archgen security`: the security-group matrix, rule tables, reachability and lint findings
 * of models, printed as text or written to stdout as Markdown, CSV, HTML, JSON or SARIF.
 *
 * The report format is `--output-format`, not `--format`: the root program's global
 * `--format text|json` is parsed wherever it appears on the command line, so a subcommand
 * option of the same name could never receive `sarif`. `--format json` still works and means
 * `--output-format json`.
 */
import { Option, type Command } from 'commander';
import { UserError } from '../../diagnostics/diagnostic.js';
import { CSV_TABLES, renderCsv, renderHtml, renderMarkdown, renderSarif, type CsvTable } from '../../generators/security/index.js';
import type { Locale } from '../../model/types.js';
import { loadModels, resolveModelFiles } from '../../pipeline/project.js';
import { analyzeSecurity, atLeast, parseSeverity, SEVERITIES, type SecurityAnalysis, type Severity } from '../../security/index.js';
import { stableJson } from '../../output/stable-json.js';
import type { CommandContext } from '../context.js';
import type { Printer } from '../output.js';

type ReportFormat = 'text' | 'md' | 'csv' | 'html' | 'json' | 'sarif';

interface SecurityOptions {
  env?: string;
  outputFormat?: ReportFormat;
  failOn?: string;
  table: CsvTable;
  locale: Locale;
}

export function registerSecurity(program: Command, context: CommandContext): void {
  program
    .command('security')
    .description('Security-group matrix, reachability and security lint of models (text, Markdown, CSV, HTML, JSON, SARIF)')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('--env <name>', 'environment to analyse, or `all` (default: the model\'s default environment, prod when it has one)')
    .addOption(new Option('--output-format <format>', 'report format on stdout (the global --format json also selects json)').choices(['text', 'md', 'csv', 'html', 'json', 'sarif']))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an unsuppressed finding at or above this severity exists').choices([...SEVERITIES]))
    .addOption(new Option('--table <table>', 'which table --output-format csv prints').choices([...CSV_TABLES]).default('matrix'))
    .addOption(new Option('--locale <locale>', 'language of model texts (names, descriptions)').choices(['en', 'ko']).default('en'))
    .addHelpText('after', `
Examples:
  $ archgen security model/point-system.yaml               # matrix, rules, reachability, findings
  $ archgen security --env dev --fail-on high               # CI gate: exit 1 on high or critical
  $ archgen security --output-format sarif > security.sarif # for GitHub code scanning
  $ archgen security --output-format csv --table findings model/point-system.yaml

Severities: ${SEVERITIES.join(' > ')}. Suppress a finding in the model with
  suppressions: [{ rule: sec/world-open-port, target: alb-sg, reason: "Public endpoint by design" }]
Exit codes: 0 ok, 1 a finding at or above --fail-on, 2 invalid model or usage, 3 internal error.`)
    .action(context.action(async (printer, files: string[], opts: SecurityOptions) => {
      const root = printer.options.root;
      const { models, diagnostics } = await loadModels(root, await resolveModelFiles(root, files));
      if (diagnostics.some((d) => d.severity === 'error')) throw new UserError('cannot analyse invalid models', diagnostics);
      printer.diagnostics(diagnostics);
      const analyses = models.flatMap((model) =>
        (opts.env === 'all' ? model.environmentNames : [opts.env ?? model.defaultEnvironment]).map((env) => analyzeSecurity(model, env)));
      const threshold: Severity | undefined = opts.failOn === undefined ? undefined : parseSeverity(opts.failOn);
      const failing = threshold ? analyses.flatMap((a) => a.findings.filter((f) => atLeast(f.severity, threshold))) : [];
      const format: ReportFormat = opts.outputFormat ?? (printer.options.format === 'json' ? 'json' : 'text');
      switch (format) {
        case 'text':
          printText(printer, analyses, opts.locale);
          break;
        case 'md':
          emit(printer, renderMarkdown(analyses, { locale: opts.locale }));
          break;
        case 'html':
          emit(printer, renderHtml(analyses, { locale: opts.locale }));
          break;
        case 'sarif':
          emit(printer, renderSarif(analyses));
          break;
        case 'json':
          emit(printer, stableJson({ analyses, failOn: threshold, failed: failing.length > 0 }));
          break;
        case 'csv':
          if (analyses.length !== 1) {
            throw new UserError(`CSV holds one table of one analysis, but ${analyses.length} were asked for`, [{
              file: '<command line>', line: 1, col: 1, rule: 'cli/csv-one-analysis', severity: 'error',
              message: 'csv output needs exactly one model and one environment', hint: 'pass one model file and --env <name>',
            }]);
          }
          emit(printer, renderCsv(analyses[0]!, opts.table, opts.locale));
          break;
      }
      if (failing.length) {
        printer.err(printer.paint.red(`✗ ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${threshold}`));
        return 1;
      }
      return 0;
    }));
}

/** Prints a rendered document (which ends with its own line break) unchanged. */
const emit = (printer: Printer, document: string): void => printer.out(document.replace(/\n$/, ''));

/** Control characters in model text could drive the terminal; show them as `?`. */
const safe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'); // eslint-disable-line no-control-regex

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (text: string): number => [...text].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);
const pad = (text: string, size: number): string => text + ' '.repeat(Math.max(0, size - width(text)));

function columns(rows: readonly (readonly string[])[]): string[] {
  const sizes = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, sizes[i]!))).join('  ').trimEnd());
}

function printText(printer: Printer, analyses: readonly SecurityAnalysis[], locale: Locale): void {
  const { paint } = printer;
  analyses.forEach((a, index) => {
    if (index) printer.out();
    printer.out(paint.bold(`${safe(a.file)}: ${safe(a.title[locale])} (${safe(a.environment)})`));
    printer.out();
    printer.out(paint.bold('Security-group matrix') + paint.dim(' (rows: source, columns: destination security group)'));
    const header = ['Source \\ Destination', ...a.matrix.destinations.map((d) => safe(d.label[locale]))];
    const rows = a.matrix.sources.map((s, i) => [safe(s.label[locale]), ...a.matrix.cells[i]!.map((cell) =>
      cell.length ? cell.map((p) => (p.egressAllowed ? p.label : `${p.label} (egress blocked)`)).join(', ') : '·')]);
    for (const line of columns([header, ...rows])) printer.out(`  ${line}`);
    printer.out();
    printer.out(paint.bold('Security groups'));
    for (const t of a.ruleTables) {
      printer.out(`  ${safe(t.name[locale])} ${paint.dim(`(${t.securityGroup}) → ${t.attachedTo.join(', ') || 'not attached'}`)}`);
      for (const line of t.inboundText) printer.out(`    Inbound:  ${safe(line[locale])}`);
      for (const line of t.outboundText) printer.out(`    Outbound: ${safe(line[locale])}`);
    }
    printer.out();
    printer.out(paint.bold('Reachability'));
    for (const path of a.reachability.paths) printer.out(`  ${safe(path.text[locale])}`);
    if (!a.reachability.paths.length) printer.out('  no network paths');
    if (a.reachability.pathsTruncated) printer.out(paint.dim(`  (only the first ${a.reachability.paths.length} paths are listed)`));
    for (const d of a.reachability.dataStores) {
      const direct = d.networkReachable ? d.direct.map((x) => `${x.label[locale]} ${x.ports}`).join(', ') || 'nothing' : 'IAM only';
      const internet = d.internet === 'none' ? '' : d.internet === 'direct' ? paint.red('; the Internet directly') : '; the Internet through other hops';
      printer.out(`  ${safe(d.label[locale])} ← ${safe(direct)}${internet}`);
    }
    printer.out();
    printer.out(paint.bold('Findings') + paint.dim(` (${a.findings.length} active, ${a.suppressed.length} suppressed)`));
    const colour = (s: Severity): ((t: string) => string) => (s === 'critical' || s === 'high' ? paint.red : s === 'medium' ? paint.yellow : paint.cyan);
    for (const f of a.findings) {
      printer.out(`${f.location.file}:${f.location.line}:${f.location.col}: ${colour(f.severity)(f.severity)} ${f.rule}: ${safe(f.message)}`);
      printer.out(paint.dim(`  hint: ${safe(f.hint)}`));
    }
    if (!a.findings.length) printer.out(`  ${paint.green('✓')} none`);
    for (const f of a.suppressed) {
      printer.out(paint.dim(`${f.location.file}:${f.location.line}:${f.location.col}: suppressed ${f.severity} ${f.rule}: ${safe(f.message)}`));
      printer.out(paint.dim(`  reason: ${safe(f.suppression.reason)}`));
    }
    for (const s of a.suppressions.filter((x) => x.matched === 0)) {
      printer.out(paint.yellow(`${s.location.file}:${s.location.line}:${s.location.col}: suppression of ${s.rule} on ${safe(s.target)} matches no finding; remove it`));
    }
  });
}
