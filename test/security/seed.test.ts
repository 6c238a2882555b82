/**
 * The seed model (model/point-system.yaml): its four security-group rule sets come out exactly
 * as the seed document writes them (§4.5.2), the matrix and reachability follow from the rules
 * and placements, and the HTTP :80 listener the ALB group does not open is reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSecurity, INTERNET, type SecurityAnalysis } from '../../src/security/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { lineOf, loadRawOrThrow, loadSeed, readYaml, ROOT } from './helpers.js';

let model: ArchitectureModel;
let prod: SecurityAnalysis;
beforeAll(async () => {
  model = await loadSeed();
  prod = analyzeSecurity(model, 'prod');
});

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const seedRaw = (): Raw => readYaml(path.join(ROOT, 'model/point-system.yaml'));

describe('seed security groups', () => {
  it('reproduces the seed document\'s four rule sets exactly (structured)', () => {
    const rows = (id: string) => {
      const t = prod.ruleTables.find((x) => x.securityGroup === id)!;
      const show = (r: (typeof t.inbound)[number]) => `${r.protocol} ${r.fromPort}-${r.toPort} ${r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.id}`;
      return { inbound: t.inbound.map(show), outbound: t.outbound.map(show), none: t.outboundNone };
    };
    expect(rows('alb-sg')).toEqual({ inbound: ['tcp 443-443 0.0.0.0/0'], outbound: ['all 0-65535 0.0.0.0/0'], none: false });
    expect(rows('ecs-sg')).toEqual({ inbound: ['tcp 8080-8080 alb-sg'], outbound: ['all 0-65535 0.0.0.0/0'], none: false });
    expect(rows('rds-sg')).toEqual({ inbound: ['tcp 5432-5432 ecs-sg'], outbound: [], none: true });
    expect(rows('cache-sg')).toEqual({ inbound: ['tcp 6379-6379 ecs-sg'], outbound: [], none: true });
  });

  it('writes the rule sets in the seed\'s words (§4.5.2 Security Group)', () => {
    const seed = readFileSync(path.join(ROOT, 'test/fixtures/seed/aws-architecture.ko.md'), 'utf8');
    const section = seed.slice(seed.indexOf('#### 4.5.2 Security Group'), seed.indexOf('## 5.'));
    const fromSeed = [...section.matchAll(/\*\*(.+?)\*\*:\n- Inbound: (.+)\n- Outbound: (.+)/g)].map((m) => `${m[1]} | ${m[2]} | ${m[3]}`);
    expect(fromSeed).toHaveLength(4);
    const ours = prod.ruleTables.map((t) => `${t.name.en} | ${t.inboundText.map((x) => x.en).join('; ')} | ${t.outboundText.map((x) => x.en).join('; ')}`);
    expect(ours).toEqual(fromSeed);
  });

  it('the matrix has the Internet, every group and no other CIDR as rows, groups as columns', () => {
    expect(prod.matrix.sources.map((s) => s.key)).toEqual([INTERNET, 'alb-sg', 'ecs-sg', 'rds-sg', 'cache-sg']);
    expect(prod.matrix.destinations.map((d) => d.securityGroup)).toEqual(['alb-sg', 'ecs-sg', 'rds-sg', 'cache-sg']);
    const grid = prod.matrix.cells.map((row) => row.map((cell) => cell.map((p) => p.label).join(',')));
    expect(grid).toEqual([
      ['tcp/443', '', '', ''],
      ['', 'tcp/8080', '', ''],
      ['', '', 'tcp/5432', 'tcp/6379'],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    expect(prod.matrix.cells.flat(2).every((p) => p.egressAllowed)).toBe(true);
  });
});

describe('seed reachability', () => {
  it('derives Internet → ALB :443 → ECS :8080 → Aurora :5432 / Redis :6379', () => {
    expect(prod.reachability.paths.map((p) => p.hops.map((h) => `${h.node}${h.via ?? ''}`).join(' > '))).toEqual([
      `${INTERNET} > points-alb:443 > points-api:8080 > points-db:5432`,
      `${INTERNET} > points-alb:443 > points-api:8080 > points-cache:6379`,
    ]);
    expect(prod.reachability.paths[0]!.text.en).toBe('Internet → Application Load Balancer :443 → Points API (ECS service) :8080 → RDS (Aurora PostgreSQL) :5432');
  });

  it('lists what can reach each data store', () => {
    const stores = Object.fromEntries(prod.reachability.dataStores.map((d) => [d.dataStore, { direct: d.direct.map((x) => `${x.node}${x.ports}`), all: d.transitive, internet: d.internet }]));
    expect(stores).toEqual({
      'points-db': { direct: ['points-api:5432'], all: [INTERNET, 'points-alb', 'points-api'], internet: 'transitive' },
      'points-cache': { direct: ['points-api:6379'], all: [INTERNET, 'points-alb', 'points-api'], internet: 'transitive' },
    });
  });

  it('follows the rules: without the ECS → Redis rule the cache path disappears', () => {
    const raw = seedRaw();
    (raw.securityGroups as Raw[]).find((g) => g.id === 'cache-sg')!.ingress = [];
    const a = analyzeSecurity(loadRawOrThrow(raw, 'model/point-system.yaml'), 'prod');
    expect(a.reachability.paths.map((p) => p.hops.at(-1)!.node)).toEqual(['points-db']);
    expect(a.reachability.dataStores.find((d) => d.dataStore === 'points-cache')!.transitive).toEqual([]);
  });

  it('follows placement: an internal load balancer is not reachable from the Internet', () => {
    const raw = seedRaw();
    (raw.components as Raw[]).find((c) => c.id === 'points-alb')!.scheme = 'internal';
    const a = analyzeSecurity(loadRawOrThrow(raw, 'model/point-system.yaml'), 'prod');
    expect(a.reachability.paths.some((p) => p.hops[0]!.node === INTERNET)).toBe(false);
    expect(a.reachability.dataStores.every((d) => d.internet === 'none')).toBe(true);
  });

  it('follows egress: with `egress: none` on ECS nothing gets past the service', () => {
    const raw = seedRaw();
    (raw.securityGroups as Raw[]).find((g) => g.id === 'ecs-sg')!.egress = 'none';
    const a = analyzeSecurity(loadRawOrThrow(raw, 'model/point-system.yaml'), 'prod');
    expect(a.reachability.paths.map((p) => p.hops.at(-1)!.node)).toEqual(['points-api']);
    const cell = a.matrix.cells[a.matrix.sources.findIndex((s) => s.key === 'ecs-sg')]![a.matrix.destinations.findIndex((d) => d.securityGroup === 'rds-sg')]!;
    expect(cell.map((p) => [p.label, p.egressAllowed])).toEqual([['tcp/5432', false]]);
  });

  it('a database in a public subnet with a world-open port is reached from the Internet directly', () => {
    const raw = seedRaw();
    (raw.components as Raw[]).find((c) => c.id === 'points-db')!.subnets = ['public-a', 'public-c'];
    (raw.securityGroups as Raw[]).find((g) => g.id === 'rds-sg')!.ingress.push({ cidr: '0.0.0.0/0', protocol: 'tcp', port: 5432 });
    const a = analyzeSecurity(loadRawOrThrow(raw, 'model/point-system.yaml'), 'prod');
    expect(a.reachability.dataStores.find((d) => d.dataStore === 'points-db')!.internet).toBe('direct');
    expect(a.reachability.paths.map((p) => p.text.en)).toContain('Internet → RDS (Aurora PostgreSQL) :5432');
    expect(a.findings.filter((f) => f.severity === 'critical').map((f) => f.rule).sort()).toEqual(['sec/data-store-exposed', 'sec/world-open-port']);
  });
});

describe('seed findings', () => {
  it('reports the HTTP :80 redirect listener that alb-sg does not open, at the listener\'s line', () => {
    const text = readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8');
    const listenerLine = lineOf(text, /^\s+- protocol: HTTP$/, lineOf(text, /^\s+listeners:$/));
    expect(lineOf(text, /^\s+port: 80$/, listenerLine)).toBe(listenerLine + 1);
    const finding = prod.findings.find((f) => f.rule === 'sec/listener-port-blocked');
    expect(finding).toMatchObject({ severity: 'medium', target: 'points-alb', location: { file: 'model/point-system.yaml', line: listenerLine } });
    expect(finding!.message).toContain('HTTP :80');
    expect(finding!.hint).toContain('port: 80');
  });

  it('has no finding at or above high, in every environment', () => {
    for (const env of model.environmentNames) {
      const a = analyzeSecurity(model, env);
      expect(a.findings.filter((f) => f.severity === 'critical' || f.severity === 'high'), env).toEqual([]);
      expect(a.summary.medium).toBe(a.findings.filter((f) => f.severity === 'medium').length);
    }
  });

  it('places a finding caused by an environment override at the override\'s line', () => {
    const raw = seedRaw();
    raw.environments.dev.overrides.components['points-db'].backup = { retentionDays: 3 };
    const reloaded = loadRawOrThrow(raw, 'model/point-system.yaml');
    expect(analyzeSecurity(reloaded, 'prod').findings.filter((f) => f.rule === 'sec/backup-retention')).toEqual([]);
    const [finding, ...rest] = analyzeSecurity(reloaded, 'dev').findings.filter((f) => f.rule === 'sec/backup-retention');
    expect(rest).toEqual([]);
    expect(finding!.location.path).toBe('environments.dev.overrides.components.points-db.backup.retentionDays');
    expect(finding!.location.line).toBe(reloaded.source.locate(['environments', 'dev', 'overrides', 'components', 'points-db', 'backup', 'retentionDays']).line);
    expect(finding!.location.line).toBeLessThan(reloaded.source.locate(['components']).line);
  });

  it('is pure: two analyses are deeply equal, and an unknown environment is a user error', () => {
    expect(analyzeSecurity(model, 'prod')).toEqual(prod);
    expect(() => analyzeSecurity(model, 'prd')).toThrow(/no environment "prd"/);
  });
});
