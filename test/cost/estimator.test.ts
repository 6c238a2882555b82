/** Hand-computed examples for every price dimension, on round test prices. */
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCost, type CostEstimate, type PriceSnapshot, type PriceTier } from '../../src/cost/index.js';
import type { ArchitectureModel, Component, ResolvedEnvironment } from '../../src/model/types.js';
import { seedModel } from './helpers.js';

const PRICES: Record<string, number | readonly PriceTier[]> = {
  'fargate:vcpu:x86': 0.04, 'fargate:gb:x86': 0.004, 'fargate:vcpu:arm': 0.03, 'fargate:gb:arm': 0.003, 'fargate-spot:vcpu:x86': 0.012,
  'rds:instance:aurora-postgresql:Single-AZ:db.t3.medium': 0.1,
  'aurora:storage': 0.1, 'aurora:io': 0.0000002, 'aurora:backup': 0.02,
  'elasticache:node:redis:cache.t3.small': 0.03, 'elasticache:node:redis:cache.t3.micro': 0.015,
  'alb:hours': 0.02, 'alb:lcu-hours': 0.01, 'nat:hours': 0.05, 'nat:gb': 0.05,
  'data-transfer:out-internet': [{ from: 0, to: 100, price: 0.1 }, { from: 100, price: 0.05 }],
  'route53:hosted-zone': 0.5, 'route53:queries': 0.0000004, 'secrets:secret': 0.4, 'secrets:api': 0.000005, 'ecr:storage': 0.1,
  'logs:ingest': 0.5, 'logs:storage': 0.03, 'cloudwatch:dashboard': 3, 'cloudwatch:alarm': 0.1, 'cloudwatch:metric': 0.3,
  'codepipeline:active': 1, 'codebuild:BUILD_GENERAL1_SMALL': 0.005,
  'apigw:rest-requests': [{ from: 0, to: 333e6, price: 0.0000035 }, { from: 333e6, price: 0.0000028 }], 'apigw:http-requests': 0.000001,
  'lambda:requests:x86': 0.0000002, 'lambda:gb-seconds:x86': 0.0000166667, 'lambda:provisioned:x86': 0.0000041667,
  'dynamodb:read-units': 0.000000125, 'dynamodb:write-units': 0.000000625, 'dynamodb:storage': [{ from: 0, to: 25, price: 0 }, { from: 25, price: 0.25 }],
  'eks:cluster-hours': 0.1, 'ec2:instance:t3.medium': 0.04,
};

function testSnapshot(omit: readonly string[] = []): PriceSnapshot {
  const prices: Record<string, PriceSnapshot['prices'][string]> = {};
  for (const [key, value] of Object.entries(PRICES)) {
    if (omit.includes(key)) continue;
    const tiers = typeof value === 'number' ? undefined : value;
    prices[key] = { sku: `TEST-${key}`, usageType: `APN2-${key}`, description: key, unit: 'u', price: typeof value === 'number' ? value : value.find((t) => t.price > 0)!.price, ...(tiers ? { tiers } : {}), effectiveDate: '2026-10-01', source: 'test prices' };
  }
  return {
    formatVersion: 1, region: 'ap-northeast-2', location: 'Asia Pacific (Seoul)', currency: 'USD', retrievedAt: '2026-11-25', origin: 'price-list-api', prices,
    notOffered: { 'rds:instance:aurora-postgresql:Single-AZ:db.t3.small': { reason: 'no Aurora PostgreSQL product', source: 'test', checkedAt: '2026-11-25' } },
  };
}

let seed: ArchitectureModel;
let prod: CostEstimate;
const line = (e: CostEstimate, id: string) => {
  const found = e.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id}; lines: ${e.lines.map((l) => l.id).join(', ')}`);
  return found;
};
const monthly = (e: CostEstimate, id: string) => [line(e, id).monthly.min, line(e, id).monthly.expected, line(e, id).monthly.max];

/** The seed with its production components replaced, for component types the seed does not use. */
function withComponents(model: ArchitectureModel, extra: readonly Record<string, unknown>[]): ArchitectureModel {
  const base = model.environments.prod!;
  const components = extra.map((c) => ({ name: { en: String(c.id), ko: String(c.id) }, description: { en: '', ko: '' }, rationale: [], uses: [], securityGroups: [], subnets: [], tags: {}, loc: [], ...c }) as unknown as Component);
  const env: ResolvedEnvironment = { ...base, components, monitoring: { ...base.monitoring, alarms: [], customMetrics: 0 }, network: { ...base.network, natGateways: 'none' }, cost: { ...base.cost, dataTransferOutGb: { min: 0, expected: 0, max: 0 } } };
  return { ...model, environments: { prod: env }, environmentNames: ['prod'] };
}

beforeAll(async () => {
  seed = await seedModel();
  prod = estimateCost(seed, 'prod', testSnapshot());
});

describe('price dimensions of the seed (prod), hand-computed', () => {
  it('Fargate: tasks × vCPU / GB × 730 h, min/desired/max tasks', () => {
    // 2 tasks × 0.5 vCPU × 730 h = 730 vCPU-h × $0.04 = $29.20; max 10 tasks → 3,650 × 0.04 = $146
    expect(line(prod, 'points-api/vCPU-hours').quantity).toEqual({ min: 730, expected: 730, max: 3650 });
    expect(monthly(prod, 'points-api/vCPU-hours')).toEqual([29.2, 29.2, 146]);
    // 2 × 1 GB × 730 = 1,460 GB-h × $0.004 = $5.84; max 7,300 → $29.20
    expect(monthly(prod, 'points-api/GB-hours')).toEqual([5.84, 5.84, 29.2]);
  });

  it('Aurora: instance-hours per instance, storage, I/O with traffic, backup beyond the free 100 %', () => {
    expect(monthly(prod, 'points-db/writer 1 instance-hours (db.t3.medium)')).toEqual([73, 73, 73]);
    expect(monthly(prod, 'points-db/storage')).toEqual([10, 10, 10]); // 100 GB × $0.10
    // 50 M I/O × $0.20/M = $10; traffic factor 0.1 / 5 → $1 / $50
    expect(monthly(prod, 'points-db/I/O requests')).toEqual([1, 10, 50]);
    expect(monthly(prod, 'points-db/backup storage beyond free')).toEqual([1, 1, 1]); // (150 − 100) GB × $0.02
  });

  it('reports the Aurora PostgreSQL db.t3.small reader as not offered, never as $0', () => {
    const reader = line(prod, 'points-db/reader 2 instance-hours (db.t3.small)');
    expect(reader.notPriced).toMatch(/not offered in ap-northeast-2: no Aurora PostgreSQL product/);
    expect(reader.unitPrice).toBeUndefined();
    expect(prod.warnings).toEqual(['points-db: reader 2 instance-hours (db.t3.small): no Aurora PostgreSQL product']);
  });

  it('ElastiCache: (1 primary + replicas) × 730 h', () => {
    expect(line(prod, 'points-cache/node-hours (cache.t3.small)').quantity.expected).toBe(1460);
    expect(monthly(prod, 'points-cache/node-hours (cache.t3.small)')).toEqual([43.8, 43.8, 43.8]);
  });

  it('ALB hours and LCU-hours from the model\'s LCU assumption', () => {
    expect(monthly(prod, 'points-alb/load balancer hours')).toEqual([14.6, 14.6, 14.6]);
    expect(monthly(prod, 'points-alb/LCU-hours')).toEqual([7.3, 14.6, 29.2]); // 1/2/4 LCU × 730 h × $0.01
  });

  it('NAT gateways per AZ and GB processed; tiered data transfer out', () => {
    expect(monthly(prod, 'nat-gateways/gateway-hours')).toEqual([73, 73, 73]); // 2 × 730 × $0.05
    expect(monthly(prod, 'nat-gateways/data processed')).toEqual([1, 2.5, 10]); // 20/50/200 GB × $0.05
    // 300 GB = 100 × $0.10 + 200 × $0.05 = $20; 550 GB = 10 + 450 × 0.05 = $32.50
    expect(monthly(prod, 'data-transfer/to the Internet')).toEqual([10, 20, 32.5]);
  });

  it('Route 53, Secrets Manager, ECR, CloudWatch Logs, dashboards, alarms, metrics, CodePipeline, CodeBuild', () => {
    expect(monthly(prod, 'points-dns/hosted zone')).toEqual([0.5, 0.5, 0.5]);
    expect(monthly(prod, 'points-dns/queries')).toEqual([0.4, 4, 20]); // 10 M × $0.40/M, × 0.1 / × 5
    expect(monthly(prod, 'points-db-credentials/secret-months')).toEqual([0.4, 0.4, 0.4]);
    expect(monthly(prod, 'points-db-credentials/API calls')).toEqual([0.5, 0.5, 0.5]); // 100,000 × $0.05/10k
    expect(monthly(prod, 'points-ecr/storage')).toEqual([0.5, 0.5, 0.5]);
    expect(monthly(prod, 'points-api-logs/ingestion')).toEqual([1, 10, 50]); // 20 GB × $0.50
    expect(monthly(prod, 'points-api-logs/storage')).toEqual([0.06, 0.6, 3]); // 20 GB × 30 d/30 d × $0.03
    expect(monthly(prod, 'points-monitoring/dashboards')).toEqual([3, 3, 3]);
    expect(monthly(prod, 'points-monitoring/alarms')).toEqual([0.4, 0.4, 0.4]); // 4 alarms
    expect(monthly(prod, 'points-monitoring/custom metrics')).toEqual([1.5, 1.5, 1.5]); // 5 metrics
    expect(monthly(prod, 'points-pipeline/active pipeline')).toEqual([1, 1, 1]);
    expect(monthly(prod, 'points-pipeline/build minutes (BUILD_GENERAL1_SMALL)')).toEqual([3, 3, 3]); // 600 min × $0.005
  });

  it('adds up to the hand-computed total, with explicit not-priced lines', () => {
    expect(prod.total.expected).toBe(322.94);
    expect(prod.lines.filter((l) => l.notPriced).map((l) => l.id)).toEqual(['users/usage', 'points-db/reader 2 instance-hours (db.t3.small)', 'points-alerts/notifications']);
    const sum = prod.components.reduce((s, c) => s + c.monthly.expected, 0);
    expect(Math.round(sum * 100) / 100).toBe(prod.total.expected);
    expect(prod.layers.map((l) => l.id).sort()).toEqual(['compute', 'data', 'delivery', 'edge', 'external', 'network', 'operations', 'security']);
  });

  it('traces every priced line to its SKU, usage type, date and source', () => {
    for (const l of prod.lines.filter((x) => !x.notPriced)) {
      expect(l.sku, l.id).toBe(`TEST-${l.priceKey}`);
      expect(l.usageType, l.id).toBe(`APN2-${l.priceKey}`);
      expect(l.priceDate).toBe('2026-10-01');
      expect(l.source).toBe('test prices');
    }
  });

  it('compares with the seed ranges and lists what they left out', () => {
    const byId = Object.fromEntries(prod.references.map((r) => [r.id, r]));
    expect(byId.ecs!.computed.expected).toBe(35.04); // 29.20 + 5.84
    expect(byId.ecs!.verdict).toBe('below');
    expect(byId.aurora!.computed.expected).toBe(94); // 73 + 10 + 10 + 1
    expect(byId['data-transfer']!.computed.expected).toBe(20);
    expect(byId.total!.computed.expected).toBe(322.94);
    expect(byId.total!.verdict).toBe('within');
    expect(prod.outsideReferences.map((o) => o.component)).toEqual(['points-dns', 'points-db-credentials', 'points-ecr', 'points-api-logs', 'points-monitoring', 'points-pipeline', 'nat-gateways']);
  });

  it('lists its assumptions, 730 h among them', () => {
    expect(prod.hoursPerMonth).toBe(730);
    expect(prod.assumptions[0]).toBe('730 hours per month for hourly prices.');
    expect(prod.assumptions.some((a) => /3 line\(s\) are not priced/.test(a))).toBe(true);
  });
});

describe('the dev environment: Spot, one NAT gateway, no replica', () => {
  it('prices Fargate Spot at the Spot price and compares with on-demand', () => {
    const dev = estimateCost(seed, 'dev', testSnapshot());
    // 1 task × 0.5 vCPU × 730 h = 365 vCPU-h × $0.012 (Spot) = $4.38
    expect(line(dev, 'points-api/vCPU-hours').priceKey).toBe('fargate-spot:vcpu:x86');
    expect(line(dev, 'points-api/vCPU-hours').monthly.expected).toBe(4.38);
    const option = dev.purchaseOptions.find((o) => o.lineId === 'points-api/vCPU-hours')!;
    expect(option).toMatchObject({ option: 'on-demand', onDemandMonthly: 14.6, monthly: 14.6, savings: 10.22 }); // 365 × 0.04
    expect(monthly(dev, 'nat-gateways/gateway-hours')).toEqual([36.5, 36.5, 36.5]);
    expect(monthly(dev, 'points-cache/node-hours (cache.t3.micro)')).toEqual([10.95, 10.95, 10.95]); // 730 × $0.015
    expect(dev.warnings).toEqual([]);
  });

  it('uses on-demand as a labelled upper bound when the Spot price is missing', () => {
    const dev = estimateCost(seed, 'dev', testSnapshot(['fargate-spot:vcpu:x86']));
    const vcpu = line(dev, 'points-api/vCPU-hours');
    expect(vcpu.priceKey).toBe('fargate:vcpu:x86');
    expect(vcpu.monthly.expected).toBe(14.6);
    expect(vcpu.formula).toMatch(/on-demand price used as an upper bound/);
    expect(dev.assumptions.some((a) => /upper bound/.test(a))).toBe(true);
  });
});

describe('alternative architectures', () => {
  it('API Gateway, Lambda, DynamoDB, EKS, and explicit reasons for what is not priced', () => {
    const model = withComponents(seed, [
      { id: 'rest', type: 'api-gateway', apiType: 'rest', stage: 'prod', requestsPerMonth: 10_000_000 },
      { id: 'http', type: 'api-gateway', apiType: 'http', stage: 'prod', requestsPerMonth: 10_000_000 },
      { id: 'fn', type: 'function', runtime: 'java21', memoryMb: 512, timeoutSeconds: 10, architecture: 'x86_64', invocationsPerMonth: 10_000_000, averageDurationMs: 200, provisionedConcurrency: 2, secrets: [] },
      { id: 'table', type: 'nosql-table', billingMode: 'on-demand', partitionKey: 'pk', pointInTimeRecovery: true, encrypted: true, storageGb: 30, readRequestsPerMonth: 20_000_000, writeRequestsPerMonth: 4_000_000 },
      { id: 'eks', type: 'kubernetes-cluster', version: '1.31', nodeGroups: [{ name: 'apps', instanceType: 't3.medium', min: 2, desired: 3, max: 6, spot: false, loc: [] }], workloads: [] },
      { id: 'legacy', type: 'container-service', launchType: 'ec2' },
      { id: 'param', type: 'secret', store: 'ssm-parameter', apiCallsPerMonth: 0 },
      { id: 'provisioned', type: 'nosql-table', billingMode: 'provisioned', partitionKey: 'pk', storageGb: 1, readRequestsPerMonth: 0, writeRequestsPerMonth: 0 },
    ]);
    const e = estimateCost(model, 'prod', testSnapshot());
    expect(monthly(e, 'rest/requests')).toEqual([3.5, 35, 175]); // 10 M × $3.50/M
    expect(monthly(e, 'http/requests')).toEqual([1, 10, 50]);
    expect(monthly(e, 'fn/requests')).toEqual([0.2, 2, 10]);
    // 10 M × 0.2 s × 0.5 GB = 1,000,000 GB-s × $0.0000166667 = $16.67
    expect(line(e, 'fn/duration').quantity.expected).toBe(1_000_000);
    expect(line(e, 'fn/duration').monthly.expected).toBe(16.67);
    // 2 × 0.5 GB × 730 h × 3600 s = 2,628,000 GB-s × $0.0000041667 = $10.95
    expect(line(e, 'fn/provisioned concurrency').monthly.expected).toBe(10.95);
    expect(monthly(e, 'table/read request units')).toEqual([0.25, 2.5, 12.5]);
    expect(monthly(e, 'table/write request units')).toEqual([0.25, 2.5, 12.5]);
    expect(monthly(e, 'table/storage')).toEqual([1.25, 1.25, 1.25]); // (30 − 25 free) GB × $0.25
    expect(monthly(e, 'eks/cluster-hours')).toEqual([73, 73, 73]);
    expect(monthly(e, 'eks/node group apps (t3.medium)')).toEqual([58.4, 87.6, 175.2]); // 2/3/6 × 730 × $0.04
    expect(line(e, 'legacy/tasks').notPriced).toMatch(/EC2 launch type/);
    expect(line(e, 'param/parameter').notPriced).toMatch(/no charge/);
    expect(line(e, 'provisioned/capacity').notPriced).toMatch(/provisioned capacity/);
  });

  it('says which price is missing instead of pricing it at zero', () => {
    const e = estimateCost(seed, 'prod', testSnapshot(['alb:lcu-hours']));
    expect(line(e, 'points-alb/LCU-hours').notPriced).toBe('no price for "alb:lcu-hours" in the ap-northeast-2 price data (run `archgen pricing refresh --region ap-northeast-2`)');
    expect(e.total.expected).toBe(322.94 - 14.6);
  });
});
