/** The comparison as rows of preformatted cells, one column per model, in one locale. */
import type { Locale } from '../model/types.js';
import { formatNumber, formatUsd } from '../docs/format.js';
import type { Messages } from '../docs/locale.js';
import type { Comparison, ComparedModel } from './comparison.js';

const LAYERS = ['edge', 'compute', 'data', 'network', 'security', 'operations', 'delivery', 'external'] as const;

export function compareView(comparison: Comparison, locale: Locale, messages: Messages) {
  const t = (key: string, params?: Record<string, string>) => messages.text(key, params);
  const models = comparison.models;
  const row = (label: string, cell: (m: ComparedModel) => string) => ({ label, cells: models.map(cell) });
  const count = (n: number) => formatNumber(n);
  const money = (m: ComparedModel, pick: (c: NonNullable<ComparedModel['cost']>) => number) => (m.cost ? formatUsd(pick(m.cost)) : t('compare.notPriced'));

  const cost = [
    row(t('compare.cost.min'), (m) => money(m, (c) => c.min)),
    row(t('compare.cost.expected'), (m) => money(m, (c) => c.expected)),
    row(t('compare.cost.max'), (m) => money(m, (c) => c.max)),
    ...LAYERS.filter((layer) => models.some((m) => (m.layers[layer] ?? 0) > 0))
      .map((layer) => row(t('compare.cost.layer', { layer: t(`compare.layers.${layer}`) }), (m) => formatUsd(m.layers[layer] ?? 0))),
  ];
  const types = [...new Set(models.flatMap((m) => Object.keys(m.components)))].sort();
  const components = types.map((type) => row(t(`compare.types.${type}`), (m) => {
    const names = m.componentNames.filter((c) => c.type === type).map((c) => c.name[locale]);
    return names.length ? names.join(', ') : '-';
  }));
  const o = (m: ComparedModel) => m.operations;
  const operations = [
    row(t('compare.ops.alwaysOn'), (m) => {
      const a = o(m).alwaysOn;
      const parts = [
        a.tasks ? t('compare.ops.tasks', { n: count(a.tasks) }) : '',
        a.nodes ? t('compare.ops.nodes', { n: count(a.nodes) }) : '',
        a.databaseInstances ? t('compare.ops.dbInstances', { n: count(a.databaseInstances) }) : '',
        a.cacheNodes ? t('compare.ops.cacheNodes', { n: count(a.cacheNodes) }) : '',
        a.natGateways ? t('compare.ops.natGateways', { n: count(a.natGateways) }) : '',
      ].filter(Boolean);
      return parts.length ? parts.join(', ') : t('compare.ops.scalesToZero');
    }),
    row(t('compare.ops.maxCompute'), (m) => {
      const x = o(m).maxCompute;
      return [
        x.tasks ? t('compare.ops.tasks', { n: count(x.tasks) }) : '',
        x.nodes ? t('compare.ops.nodes', { n: count(x.nodes) }) : '',
        x.functions ? t('compare.ops.functionsUnbounded') : '',
      ].filter(Boolean).join(', ') || '-';
    }),
    row(t('compare.ops.coldStarts'), (m) => (o(m).coldStartFunctions ? t('compare.ops.coldStartYes', { n: count(o(m).coldStartFunctions) }) : t('compare.no'))),
    row(t('compare.ops.timeLimit'), (m) => (o(m).functionTimeoutSeconds !== undefined ? t('compare.ops.seconds', { n: count(o(m).functionTimeoutSeconds!) }) : t('compare.ops.noLimit'))),
    row(t('compare.ops.upgrades'), (m) => (o(m).clustersToUpgrade.length ? o(m).clustersToUpgrade.join(', ') : t('compare.no'))),
    row(t('compare.ops.servers'), (m) => (o(m).serversToPatch ? t('compare.ops.upTo', { n: count(o(m).serversToPatch) }) : t('compare.no'))),
    row(t('compare.ops.multiAz'), (m) => `${count(o(m).multiAzDataStores)} / ${count(o(m).dataStores)}`),
    row(t('compare.ops.backups'), (m) => (o(m).minBackupRetentionDays !== undefined ? t('compare.ops.days', { n: count(o(m).minBackupRetentionDays!) }) : '-')),
    row(t('compare.ops.network'), (m) => t('compare.ops.networkValue', { subnets: count(o(m).subnets), attached: count(o(m).vpcAttached), nat: count(o(m).alwaysOn.natGateways) })),
    row(t('compare.ops.securityGroups'), (m) => count(o(m).securityGroups)),
    row(t('compare.ops.findings'), (m) => count(o(m).securityFindings)),
    row(t('compare.ops.deployment'), (m) => o(m).deploymentStrategies.map((s) => t(`compare.strategies.${s}`)).join(', ') || '-'),
    row(t('compare.ops.alarms'), (m) => count(o(m).alarms)),
    row(t('compare.ops.logRetention'), (m) => o(m).logRetentionDays.map((d) => (d ? t('compare.ops.days', { n: count(d) }) : t('compare.ops.forever'))).join(', ') || '-'),
  ];
  return {
    locale,
    columns: models.map((m) => ({ id: m.id, name: m.name[locale], file: m.file, environment: m.environment, document: `${m.id}/architecture.${locale}.md` })),
    cost,
    pricedWith: [...new Set(models.map((m) => m.pricedWith).filter((p): p is string => Boolean(p)))],
    cheapest: models.find((m) => m.id === comparison.cheapest)?.name[locale],
    costliest: models.find((m) => m.id === comparison.costliest)?.name[locale],
    components,
    operations,
    tradeoffs: models.map((m) => ({ name: m.name[locale], pros: m.pros.map((p) => p[locale]), cons: m.cons.map((c) => c[locale]) })),
  };
}
