/**
 * `archgen cost` and `archgen pricing refresh` through the built CLI (`npm run build` first),
 * live mode against the stand-in Price List server via AWS_ENDPOINT_URL_PRICING.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costReportSchema, parseSnapshot } from '../../src/cost/index.js';
import { assertRegion } from '../../src/cost/regions.js';
import { catalogFromSnapshot, startStandInServer, type StandInServer } from '../../src/cost/stand-in-server.js';
import { costGenerator } from '../../src/generators/cost.js';
import { ROOT, runCli, seedModel, shippedSnapshot } from './helpers.js';

let server: StandInServer;
const standInEnv = () => ({
  AWS_ENDPOINT_URL_PRICING: server.url, AWS_ACCESS_KEY_ID: 'AKIDSTANDIN000000000', AWS_SECRET_ACCESS_KEY: 'stand-in-secret',
  AWS_PROFILE: undefined, AWS_SESSION_TOKEN: undefined, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
});

beforeAll(async () => {
  server = await startStandInServer(catalogFromSnapshot(shippedSnapshot('ap-northeast-2'), assertRegion('ap-northeast-2')), { pageSize: 5 });
});
afterAll(() => server.close());

describe('archgen cost', () => {
  it('prints a traced estimate of the seed from the snapshot with min/expected/max', async () => {
    const { code, stdout } = await runCli(['cost', 'model/point-system.yaml', '--env', 'prod']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Monthly cost of point-system \(prod, ap-northeast-2\) — prices: snapshot model\/pricing\/ap-northeast-2\.json/);
    expect(stdout).toMatch(/TOTAL\s+\$[\d,.]+\s+\$[\d,.]+\s+\$[\d,.]+/);
    expect(stdout).toContain('warning: points-db: reader 2 instance-hours (db.t3.small): db.t3.small is not offered for Aurora PostgreSQL');
  });

  it('--report json (and the global --format json) match the schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(costReportSchema());
    for (const args of [['--report', 'json'], ['--format', 'json']]) {
      const { code, stdout } = await runCli(args[0] === '--format' ? [...args, 'cost', 'model/point-system.yaml', '--env', 'dev'] : ['cost', 'model/point-system.yaml', '--env', 'dev', ...args]);
      expect(code).toBe(0);
      const data = JSON.parse(stdout);
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(data.environment).toBe('dev');
    }
  });

  it('--compare with a baseline report prints per-line differences', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-cost-'));
    try {
      const baseline = await runCli(['cost', 'model/point-system.yaml', '--env', 'dev', '--report', 'json']);
      await writeFile(path.join(dir, 'baseline.json'), baseline.stdout);
      const { code, stdout } = await runCli(['cost', 'model/point-system.yaml', '--env', 'prod', '--compare', path.join(dir, 'baseline.json'), '--report', 'md']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^# Cost change: point-system \(dev\) → point-system \(prod\)/);
      expect(stdout).toContain('| nat-gateways/gateway-hours | changed | $43.07 | $86.14 | +$43.07 |');
      await writeFile(path.join(dir, 'bad.json'), '{"total": 1}');
      const bad = await runCli(['cost', 'model/point-system.yaml', '--compare', path.join(dir, 'bad.json')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/is not a cost report/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives clear errors for an unknown region and a region without a snapshot', async () => {
    const unknown = await runCli(['cost', 'model/point-system.yaml', '--region', 'ap-northeast-9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown AWS region "ap-northeast-9"');
    expect(unknown.stderr).toMatch(/did you mean "ap-northeast-\d"/);
    const none = await runCli(['cost', 'model/point-system.yaml', '--region', 'eu-west-1']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no price snapshot for eu-west-1');
    expect(none.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--pricing live uses the Price List API (stand-in) and says so', async () => {
    server.requests.length = 0;
    const { code, stdout, stderr } = await runCli(['cost', 'model/point-system.yaml', '--pricing', 'live', '--cache-ttl', '0', '--report', 'json'], standInEnv());
    expect(code, stderr).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.pricing.mode).toBe('live');
    expect(server.requests.length).toBeGreaterThan(0);
    const priced = data.lines.filter((l: { notPriced?: string }) => !l.notPriced);
    for (const l of priced) expect(l.sku, l.id).toMatch(/^[0-9A-F]{16}$/);
    expect(stderr).toMatch(/Price List: \d+ queries, \d+ pages/);
  });

  it('--pricing live without credentials falls back to the snapshot and the report says so', async () => {
    const { code, stdout, stderr } = await runCli(['cost', 'model/point-system.yaml', '--pricing', 'live', '--report', 'md'], { ...standInEnv(), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(code).toBe(0);
    expect(stderr).toMatch(/live pricing unavailable: no AWS credentials found/);
    expect(stdout).toMatch(/\*\*Prices:\*\* snapshot model\/pricing\/ap-northeast-2\.json .* live pricing was requested but failed: no AWS credentials found/);
  });
});

describe('archgen pricing refresh', () => {
  it('writes a snapshot through the live code path', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-refresh-'));
    try {
      await cp(path.join(ROOT, 'model'), path.join(root, 'model'), { recursive: true });
      const { code, stdout, stderr } = await runCli(['-C', root, 'pricing', 'refresh', '--region', 'ap-northeast-2', 'model/point-system.yaml'], standInEnv());
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/wrote model\/pricing\/ap-northeast-2\.json: \d+ prices fetched/);
      const written = parseSnapshot(await readFile(path.join(root, 'model/pricing/ap-northeast-2.json'), 'utf8'));
      expect(written.origin).toBe('price-list-api');
      expect(written.prices['nat:hours']).toMatchObject({ price: 0.059, usageType: 'APN2-NatGateway-Hours' });
      expect(written.prices['nat:hours']!.sku).toMatch(/^[0-9A-F]{16}$/);
      expect(written.notOffered['rds:instance:aurora-postgresql:Single-AZ:db.t3.small']).toBeDefined();
      const noCreds = await runCli(['-C', root, 'pricing', 'refresh', '--region', 'ap-northeast-2'], { ...standInEnv(), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
      expect(noCreds.code).toBe(2);
      expect(noCreds.stderr).toMatch(/cannot refresh prices: no AWS credentials found/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('cost generator', () => {
  it('writes md, json and csv per environment, byte-identical on every run', async () => {
    const seed = await seedModel();
    const inputs = new Map([['model/pricing/ap-northeast-2.json', await readFile(path.join(ROOT, 'model/pricing/ap-northeast-2.json'), 'utf8')]]);
    const first = await costGenerator.generate(seed, { models: [seed], inputs });
    const second = await costGenerator.generate(seed, { models: [seed], inputs });
    expect(first.map((f) => f.path)).toEqual(['md', 'json', 'csv'].flatMap((ext) => [`output/point-system/cost/prod.${ext}`]).concat(['md', 'json', 'csv'].map((ext) => `output/point-system/cost/dev.${ext}`)));
    expect(second).toEqual(first);
  });

  it('reports every line as not priced when the region has no snapshot, without failing', async () => {
    const seed = await seedModel();
    const files = await costGenerator.generate(seed, { models: [seed], inputs: new Map() });
    const json = JSON.parse(String(files.find((f) => f.path.endsWith('prod.json'))!.content));
    expect(json.total.expected).toBe(0);
    expect(json.lines.filter((l: { notPriced?: string }) => !l.notPriced)).toEqual([]);
  });
});
