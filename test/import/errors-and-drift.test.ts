/**
 * The user-facing edges of `archgen import`: an existing file is never overwritten without
 * --force, hostile templates fail with the reader's `file:line:col`, rule and hint (exit 2, no
 * file written), unknown resource types are listed, bad options are refused; and a model
 * imported from a template does not drift from it beyond what import said it could not map.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import { archgen, fixture, importJson, root, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('errors');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string) => stat(file).then(() => true, () => false);
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

describe('refusing to overwrite', () => {
  it('exits 2 with a hint and leaves the existing file alone; --force replaces it atomically', async () => {
    const out = path.join(dir, 'existing.yaml');
    await writeFile(out, '# hand-written, keep me\n');
    const refused = await archgen(['import', '--template', fixture('web-stack.yaml'), '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${relative(out)}:1:1: error import/file-exists: refusing to overwrite an existing model`);
    expect(refused.stderr).toContain('hint: choose another -o, or pass --force to replace it');
    expect(await readFile(out, 'utf8')).toBe('# hand-written, keep me\n');

    const forced = await archgen(['import', '--template', fixture('web-stack.yaml'), '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^# yaml-language-server/);
    expect((await loadModelOrThrow(out, root)).id).toBe('existing');
    const leftovers = (await import('node:fs/promises')).readdir(dir).then((names) => names.filter((n) => n.endsWith('.tmp')));
    expect(await leftovers).toEqual([]);
  });

  it('--dry-run validates and writes nothing, even over an existing file', async () => {
    const out = path.join(dir, 'dry.yaml');
    const { code, json } = await importJson(['--template', fixture('serverless-api.yaml'), '-o', out, '--dry-run']);
    expect(code).toBe(0);
    expect(json.written).toBe(false);
    expect(await exists(out)).toBe(false);
  });
});

describe('hostile templates', () => {
  const hostile = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    const out = path.join(dir, `${name}.model.yaml`);
    const result = await archgen(['import', '--template', file, '-o', out]);
    expect(result.code).toBe(2);
    expect(await exists(out)).toBe(false);
    return { ...result, file: relative(file) };
  };

  it('malformed YAML: the position of the syntax error', async () => {
    const { stderr, file } = await hostile('malformed.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: [unclosed\n');
    expect(stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+: error cfn/yaml-syntax: `, 'm'));
    expect(stderr).toContain('hint: ');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('circular references: the cycle and where it starts', async () => {
    const { stderr, file } = await hostile('cycle.yaml', [
      'Resources:',
      '  A:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !GetAtt B.TopicName',
      '  B:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: !GetAtt A.TopicName', '',
    ].join('\n'));
    const col = '      TopicName: !GetAtt B.TopicName'.indexOf('B.TopicName') + 1;
    expect(stderr).toContain(`${file}:5:${col}: error cfn/circular-reference: circular reference: A → B → A`);
  });

  it('a Ref to nothing: the reference and the rule', async () => {
    const { stderr, file } = await hostile('dangling.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Missing\n');
    expect(stderr).toMatch(new RegExp(`^${file}:5:\\d+: error cfn/unknown-reference: Ref "Missing"`, 'm'));
  });

  it('not a template at all, and a directory without a manifest', async () => {
    const { stderr } = await hostile('list.yaml', '- just\n- a list\n');
    expect(stderr).toMatch(/error cfn\/[a-z-]+: /);
    const empty = path.join(dir, 'not-an-assembly');
    await (await import('node:fs/promises')).mkdir(empty, { recursive: true });
    const result = await archgen(['import', '--template', empty, '-o', path.join(dir, 'x.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cfn/assembly-manifest-missing');
  });

  it('a huge template: refused before parsing, with the limit', async () => {
    const file = path.join(dir, 'huge.json');
    const padding = 'x'.repeat(1024);
    const resources = Array.from({ length: 11_000 }, (_, i) => `"T${i}":{"Type":"AWS::SNS::Topic","Properties":{"DisplayName":"${padding}"}}`).join(',');
    await writeFile(file, `{"Resources":{${resources}}}`);
    const result = await archgen(['import', '--template', file, '-o', path.join(dir, 'huge.model.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${relative(file)}:1:1: error cfn/too-large: template is [\\d.]+ MiB, over the 10(\\.0)? MiB limit`, 'm'));
  });

  it('unknown resource types are imported as not mapped, with a warning, and a placeholder network', async () => {
    const file = path.join(dir, 'unknown.yaml');
    await writeFile(file, 'Resources:\n  Thing:\n    Type: Custom::Whatever\n  Foo:\n    Type: AWS::Foo::Bar\n');
    const out = path.join(dir, 'unknown-model.yaml');
    const { code, json } = await importJson(['--template', file, '-o', out, '--region', 'eu-west-1']);
    expect(code).toBe(0);
    expect(json.unmapped.map((u: { logicalId: string; position: { line: number } }) => `${u.logicalId}:${u.position.line}`)).toEqual(['Thing:2', 'Foo:4']);
    expect(json.warnings.map((w: { message: string }) => w.message).join('\n')).toContain('AWS::Foo::Bar');
    expect(json.guessed.map((n: { element: string }) => n.element)).toEqual(expect.arrayContaining(['network.vpc', 'components.users']));
    expect((await loadModelOrThrow(out, root)).environments.prod!.network.availabilityZones).toEqual(['eu-west-1a']);
  });
});

describe('bad options', () => {
  it.each([
    [['--region', 'Europe'], 'import/bad-region'],
    [['--id', 'other'], 'import/id-mismatch'],
    [['--id', 'Bad_Id', '-o', 'ignored/Bad_Id.yaml'], 'import/bad-id'],
    [['-o', 'model/'], 'import/bad-output'],
    [['-o', 'orders.json'], 'import/bad-output'],
  ])('%j → %s', async (args, rule) => {
    const out = path.join(dir, 'options.yaml');
    const result = await archgen(['import', '--template', fixture('web-stack.yaml'), '-o', out, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`<command line>:1:1: error ${rule}: `);
    expect(await exists(out)).toBe(false);
  });

  it('a missing --template is a usage error', async () => {
    const result = await archgen(['import', '-o', path.join(dir, 'y.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("required option '--template <path>' not specified");
  });
});

describe('archgen drift of an imported model against its own template', () => {
  it.each(['web-stack.yaml', 'serverless-api.yaml'])('%s: nothing changed or missing; only what import listed as not mapped is unmodelled', async (name) => {
    const out = path.join(dir, `drift-${name}`);
    const imported = await importJson(['--template', fixture(name), '-o', out]);
    expect(imported.code).toBe(0);
    const drift = await archgen(['--format', 'json', 'drift', out, '--template', fixture(name)]);
    const report = JSON.parse(drift.stdout);
    const findings = report.findings.map((f: { rule: string; template?: { logicalId: string } }) => `${f.rule} ${f.template?.logicalId ?? ''}`).sort();
    expect(findings).toEqual(imported.json.unmapped.map((u: { logicalId: string }) => `drift/unmodelled ${u.logicalId}`).sort());
    expect(drift.code).toBe(findings.length ? 1 : 0);
  });
});
