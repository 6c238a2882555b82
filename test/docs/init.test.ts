/**
 * `archgen init`: the starter model validates for every region/AZ choice and goes through every
 * generator; options are checked; prompts fill what flags leave out; existing files are kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { lint } from 'markdownlint/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import { generators } from '../../src/generators/index.js';
import { askMissing, resolveInitOptions, starterModel } from '../../src/init/index.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import { generateFiles } from '../../src/pipeline/generate.js';
import { loadInputs } from '../../src/pipeline/project.js';
import { runBuiltCli } from '../foundation/helpers.js';
import { LINT_CONFIG, ROOT } from './helpers.js';

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'archgen-init-'));
  await cp(path.join(ROOT, 'templates'), path.join(project, 'templates'), { recursive: true });
  await cp(path.join(ROOT, 'model/pricing'), path.join(project, 'model/pricing'), { recursive: true });
  await cp(path.join(ROOT, 'model/architecture.schema.json'), path.join(project, 'model/architecture.schema.json'));
});
afterAll(() => rm(project, { recursive: true, force: true }));

const load = (yaml: string, id = 'starter') => loadModelFromBytes(`model/${id}.yaml`, new TextEncoder().encode(yaml));

describe('starter model', () => {
  it.each([
    ['ap-northeast-2', 1],
    ['ap-northeast-2', 2],
    ['us-east-1', 3],
  ])('validates in %s with %i AZ(s), without warnings', (region, azs) => {
    const result = load(starterModel(resolveInitOptions({ name: 'Free Points', region, azs })));
    expect(result.diagnostics).toEqual([]);
    const env = result.model!.environments.prod!;
    expect(env.network.availabilityZones).toHaveLength(azs);
    expect(env.network.subnets).toHaveLength(azs * 2);
    expect(env.metadata.region).toBe(region);
  });

  it('goes through every generator, and its documents pass markdownlint', async () => {
    const model = load(starterModel(resolveInitOptions({ name: 'Free Points' })), 'free-points').model!;
    const files = await generateFiles([model], [model], await loadInputs(ROOT, generators));
    const owners = new Set(files.paths().filter((p) => files.modelOf(p) === 'free-points').map((p) => files.ownerOf(p)));
    expect([...owners]).toContain('docs');
    const docs = files.paths().filter((p) => p.endsWith('.md') && p.includes('/architecture.'));
    const strings = Object.fromEntries(docs.map((p) => [p, new TextDecoder().decode(files.get(p)!)]));
    expect(Object.keys(strings)).toHaveLength(2);
    expect((await lint({ strings, config: LINT_CONFIG })).toString()).toBe('');
  });
});

describe('init options', () => {
  it.each([
    [{ region: 'seoul' }, 'invalid --region: "seoul" is not an AWS region code'],
    [{ azs: '4' }, 'invalid --azs: "4" is not 1, 2 or 3'],
    [{ name: '  ' }, 'invalid --name: the name is empty'],
    [{ out: 'model/x.json' }, 'invalid --out: "model/x.json" is not a .yaml file'],
  ])('%j is refused', (given, message) => {
    expect(() => resolveInitOptions(given)).toThrow(UserError);
    expect(() => resolveInitOptions(given)).toThrow(message);
  });

  it('defaults the file name from the system name', () => {
    expect(resolveInitOptions({ name: 'Free Points 2' }).out).toBe('model/free-points-2.yaml');
    expect(resolveInitOptions({ name: '포인트' }).out).toBe('model/app.yaml');
  });

  it('asks for what the flags leave out; an empty answer takes the default', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const replies = ['Loyalty', '', 'model/loyalty-points.yaml'];
    let asked = '';
    // Answer each question when it is shown, as a person at the terminal would.
    output.on('data', (chunk) => {
      asked += String(chunk);
      if (String(chunk).endsWith(': ')) input.write(`${replies.shift()}\n`);
    });
    const answers = askMissing({ region: 'us-east-1' }, input, output);
    expect(await answers).toEqual({ name: 'Loyalty', region: 'us-east-1', azs: '2', out: 'model/loyalty-points.yaml' });
    expect(asked).toContain('System name [My service]: ');
    expect(asked).not.toContain('AWS region');
    expect(asked).toContain('Model file [model/loyalty.yaml]: ');
  });
});

describe('archgen init', () => {
  it('writes a valid model and generates its artifacts', () => {
    const result = runBuiltCli(['-C', project, 'init', '--name', 'Free Points', '--azs', '2'], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ wrote model/free-points.yaml (prod, dev), valid');
    expect(readFileSync(path.join(project, 'model/free-points.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./architecture.schema.json');
    for (const file of ['architecture.ko.md', 'architecture.en.html', 'diagrams/architecture.mmd']) {
      expect(existsSync(path.join(project, 'output/free-points', file)), file).toBe(true);
    }
    const validate = runBuiltCli(['-C', project, 'validate'], { cwd: ROOT });
    expect(validate.status).toBe(0);
  });

  it('keeps an existing model unless --force', () => {
    const again = runBuiltCli(['-C', project, 'init', '--name', 'Free Points', '--no-generate'], { cwd: ROOT });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('model/free-points.yaml already exists');
    const forced = runBuiltCli(['-C', project, 'init', '--name', 'Free Points', '--azs', '1', '--force', '--no-generate', '--format', 'json'], { cwd: ROOT });
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toEqual({ model: 'model/free-points.yaml', id: 'free-points', environments: ['prod', 'dev'], generated: 0 });
  });
});
