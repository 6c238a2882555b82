/** The security report as CSV tables: matrix, rule tables, reachability paths, data-store access, findings. */
import type { Locale } from '../../model/types.js';
import { sharedAnalysisOf } from '../../security/index.js';
import type { SecurityAnalysis } from '../../security/types.js';
import { csvDocument } from './escape.js';
import { allFindings, cellText, internetText, nodeLabels, where } from './text.js';

export type CsvTable = 'matrix' | 'rules' | 'reachability' | 'data-stores' | 'findings';
export const CSV_TABLES: readonly CsvTable[] = ['matrix', 'rules', 'reachability', 'data-stores', 'findings'];

// The tables do not name the environment: environments sharing an analysis share them.
const documents = new WeakMap<object, Map<string, string>>();

/** One table of one analysis as a CSV document. */
export function renderCsv(a: SecurityAnalysis, table: CsvTable, locale: Locale = 'en'): string {
  const shared = sharedAnalysisOf(a);
  if (!shared) return render(a, table, locale);
  let known = documents.get(shared);
  if (!known) documents.set(shared, (known = new Map()));
  const key = `${table} ${locale}`;
  let text = known.get(key);
  if (text === undefined) known.set(key, (text = render(a, table, locale)));
  return text;
}

function render(a: SecurityAnalysis, table: CsvTable, locale: Locale): string {
  switch (table) {
    case 'matrix':
      return csvDocument(
        ['Source \\ Destination', ...a.matrix.destinations.map((d) => d.label[locale])],
        a.matrix.sources.map((s, i) => [s.label[locale], ...a.matrix.cells[i]!.map(cellText)]),
      );
    case 'rules':
      return csvDocument(
        ['Security group', 'Group id', 'Direction', 'Protocol', 'Ports', 'Service', 'Peer', 'Rule', 'Description', 'Location'],
        a.ruleTables.flatMap((t) => [
          ...[...t.inbound, ...t.outbound].map((r) => [t.name[locale], t.securityGroup, r.direction, r.protocol, r.ports, r.service ?? '', r.peer.label[locale], r.summary[locale], r.description[locale], where(r.source)]),
          ...(t.outboundNone ? [[t.name[locale], t.securityGroup, 'outbound', '', '', '', '', 'None', '', where(t.source)]] : []),
        ]),
      );
    case 'reachability':
      return csvDocument(['#', 'From', 'To', 'Hops', 'Path'], a.reachability.paths.map((p, i) => [
        i + 1, p.hops[0]!.label[locale], p.hops[p.hops.length - 1]!.label[locale], p.hops.length, p.text[locale],
      ]));
    case 'data-stores': {
      const labels = nodeLabels(a, locale);
      return csvDocument(['Data store', 'Id', 'Type', 'Directly from', 'Everything that reaches it', 'From the Internet', 'IAM access'], a.reachability.dataStores.map((d) => [
        d.label[locale], d.dataStore, d.componentType, d.direct.map((x) => `${x.label[locale]} ${x.ports}`).join('; '),
        d.transitive.map((id) => labels.get(id) ?? id).join('; '), internetText(d.internet), d.iam.join('; '),
      ]));
    }
    case 'findings':
      return csvDocument(['Severity', 'Rule', 'Target', 'Message', 'Hint', 'File', 'Line', 'Column', 'Suppressed', 'Reason', 'Id'], allFindings(a).map((f) => [
        f.severity, f.rule, f.target, f.message, f.hint, f.location.file, f.location.line, f.location.col,
        f.suppressedBecause === undefined ? 'no' : 'yes', f.suppressedBecause ?? '', f.id,
      ]));
  }
}
