/** The pure scaffold: determinism, layout, escaping, every model, and re-run planning. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { buildScaffoldConfig } from '../../src/scaffold/config.js';
import { loadFeatureFlags, loadPinnedVersions, loadScaffoldTemplates } from '../../src/scaffold/inputs.js';
import { generatedState, withHeader } from '../../src/scaffold/ownership.js';
import { scaffoldApp, type ScaffoldOptions } from '../../src/scaffold/scaffold.js';
import { planScaffold } from '../../src/scaffold/write.js';
import { root } from './helpers.js';
import { EVIL, hostileModel } from './hostile.js';

let seed: ArchitectureModel;
let options: Omit<ScaffoldOptions, 'environment'>;
const prod = () => scaffoldApp(seed, { ...options, environment: 'prod' });
const fileOf = (files: readonly { path: string; content: string }[], p: string) => files.find((f) => f.path === p)!.content;

beforeAll(async () => {
  seed = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
  options = { templates: await loadScaffoldTemplates(), versions: await loadPinnedVersions(), featureFlags: loadFeatureFlags() };
});

describe('scaffoldApp', () => {
  it('writes the cdk init layout with one construct per layer', () => {
    const paths = prod().files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([
      'package.json', 'cdk.json', 'tsconfig.json', 'README.md', '.gitignore', 'bin/point-system.ts', 'lib/point-system-stack.ts', 'test/point-system.test.ts',
      ...['network', 'data', 'cache', 'compute', 'edge', 'monitoring', 'pipeline'].map((layer) => `lib/generated/${layer}.ts`),
      'lib/generated/config.ts', 'lib/generated/REPORT.md', 'test/generated/architecture.test.ts',
    ]));
  });

  it('is deterministic: the same model gives byte-identical files', () => {
    expect(prod().files).toEqual(prod().files);
  });

  it('pins the CDK versions installed next to archgen', async () => {
    const pkg = JSON.parse(fileOf(prod().files, 'package.json'));
    const installed = (name: string) => import(`${name}/package.json`, { with: { type: 'json' } }).then((m) => m.default.version);
    expect(pkg.dependencies['aws-cdk-lib']).toBe(await installed('aws-cdk-lib'));
    expect(pkg.dependencies.constructs).toBe(await installed('constructs'));
    expect(pkg.devDependencies['aws-cdk']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(fileOf(prod().files, 'cdk.json')).app).toBe('npx tsx bin/point-system.ts');
  });

  it('marks generated files with a checksummed header and leaves user files unmarked', () => {
    for (const file of prod().files) {
      expect(generatedState(file.content), file.path).toBe(file.ownership === 'generated' ? 'pristine' : 'foreign');
      expect(file.ownership === 'generated').toBe(file.path.startsWith('lib/generated/') || file.path.startsWith('test/generated/'));
    }
  });

  it('takes environment differences from the model', () => {
    const dev = buildScaffoldConfig(seed, 'dev').config;
    const live = buildScaffoldConfig(seed, 'prod').config;
    expect([live.network.natGateways, dev.network.natGateways]).toEqual(['per-az', 'single']);
    expect([live.cache!.nodeType, dev.cache!.nodeType]).toEqual(['cache.t3.small', 'cache.t3.micro']);
    expect([live.database!.instances.length, dev.database!.instances.length]).toEqual([2, 1]);
    expect([live.database!.deletionProtection, dev.database!.deletionProtection]).toEqual([true, false]);
    expect([live.service!.spot, dev.service!.spot]).toEqual([false, true]);
  });

  it('rejects an environment the model does not have', () => {
    expect(() => scaffoldApp(seed, { ...options, environment: 'staging' })).toThrow(/no environment "staging"/);
  });

  it('reports what it cannot express, with model locations, instead of dropping it', () => {
    const result = prod();
    const paths = result.notExpressed.map((n) => n.path);
    expect(paths).toContain('components.users');
    expect(paths).toContain('components.points-monitoring.dashboards');
    expect(paths).toContain('components.points-db.instances.reader.instanceClass'); // Aurora has no db.t3.small
    for (const n of result.notExpressed) expect(seed.source.locate(n.loc).line).toBeGreaterThan(1);
    const report = fileOf(result.files, 'lib/generated/REPORT.md');
    for (const n of result.notExpressed) expect(report).toContain(n.path.replace(/([\\`*_[\]#|~])/g, '\\$1'));
  });

  it('handles every model in model/: DynamoDB tables generated, the other types it cannot build named', async () => {
    const files = (await readdir(path.join(root, 'model'))).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const model = await loadModelOrThrow(path.join(root, 'model', file), root);
      for (const environment of model.environmentNames) {
        const result = scaffoldApp(model, { ...options, environment });
        const env = model.environments[environment]!;
        for (const c of env.components.filter((x) => ['api-gateway', 'function', 'kubernetes-cluster'].includes(x.type))) {
          expect(result.notExpressed.map((n) => n.path), `${file} ${c.id}`).toContain(`components.${c.id}`);
        }
        const tables = env.components.filter((x) => x.type === 'nosql-table').map((x) => x.id);
        expect(buildScaffoldConfig(model, environment).config.tables.map((t) => t.id), file).toEqual(tables);
      }
    }
  });
});

describe('hostile model text', () => {
  it('reaches the generated TypeScript only as JSON string literals', async () => {
    const model = await hostileModel();
    const result = scaffoldApp(model, { ...options, environment: 'prod' });
    const config = fileOf(result.files, 'lib/generated/config.ts');
    const literal = config.slice(config.indexOf('export const config: AppConfig = ') + 'export const config: AppConfig = '.length).trim().replace(/;$/, '');
    expect(JSON.parse(literal)).toEqual(JSON.parse(JSON.stringify(buildScaffoldConfig(model, 'prod').config)));
    expect(JSON.parse(literal).service.container.environment.GREETING).toBe(EVIL);
    for (const file of result.files.filter((f) => f.path.endsWith('.ts'))) {
      const withoutStrings = file.content.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
      expect(withoutStrings, file.path).not.toContain('process.exit(7)');
    }
  });

  it('keeps security-group descriptions within the characters AWS accepts', async () => {
    const { config } = buildScaffoldConfig(await hostileModel(), 'prod');
    for (const sg of config.securityGroups) {
      for (const text of [sg.description, ...sg.ingress.map((r) => r.description), ...sg.egress.map((r) => r.description)]) {
        expect(text).toMatch(/^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]{1,255}$/);
      }
    }
  });

  it('escapes Markdown and HTML in the README and report', async () => {
    const result = scaffoldApp(await hostileModel(), { ...options, environment: 'prod' });
    const readme = fileOf(result.files, 'README.md');
    expect(readme).not.toContain('<script');
    expect(readme).not.toContain('|cell|');
    expect(readme.split('\n')[0]).toMatch(/^# x'"\\`/);
  });
});

describe('planScaffold (re-running on an existing app)', () => {
  const plan = (existing: Record<string, string>, force = false) => planScaffold(prod().files, new Map(Object.entries(existing)), Object.keys(existing).length > 0, force);

  it('writes everything into an empty folder', () => {
    const result = plan({});
    expect(result.conflicts).toEqual([]);
    expect(new Set(result.files.map((f) => f.action))).toEqual(new Set(['new']));
  });

  it('updates untouched generated files, keeps user files, removes stale generated files', () => {
    const files = prod().files;
    const stale = files.find((f) => f.path === 'lib/generated/cache.ts')!;
    const previous = Object.fromEntries(files.map((f) => [f.path, f.content]));
    previous['lib/generated/network.ts'] = withHeader('lib/generated/network.ts', '// what an older model generated\n', 'model x');
    previous['lib/generated/removed-layer.ts'] = stale.content;
    previous['lib/point-system-stack.ts'] = '// my own stack\n';
    const result = plan(previous);
    expect(result.conflicts).toEqual([]);
    const action = (p: string) => result.files.find((f) => f.path === p)!.action;
    expect(action('lib/generated/network.ts')).toBe('updated');
    expect(action('lib/generated/removed-layer.ts')).toBe('removed');
    expect(action('lib/point-system-stack.ts')).toBe('kept');
    expect(action('lib/generated/data.ts')).toBe('unchanged');
  });

  it('refuses to overwrite a hand-edited generated file unless forced', () => {
    const files = prod().files;
    const existing = Object.fromEntries(files.map((f) => [f.path, f.content]));
    existing['lib/generated/network.ts'] += '// my change\n';
    expect(plan(existing).conflicts).toEqual(['lib/generated/network.ts was edited by hand']);
    const forced = plan(existing, true);
    expect(forced.conflicts).toEqual([]);
    expect(forced.files.find((f) => f.path === 'lib/generated/network.ts')!.action).toBe('overwritten');
  });

  it('refuses a non-empty folder that is not a scaffold unless forced', () => {
    expect(plan({ 'notes.txt': 'hello' }).conflicts).toEqual(['the folder is not empty and holds no archgen scaffold']);
    expect(plan({ 'notes.txt': 'hello' }, true).conflicts).toEqual([]);
  });
});
