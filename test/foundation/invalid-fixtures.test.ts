/**
 * Every model under test/fixtures/invalid/ is refused with exactly the errors its `# expect:`
 * header names (rule id and line:col), each with a hint; a few also go through the built CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadModelFile, loadModelFromBytes } from '../../src/load/load-model.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { MAX_MODEL_BYTES, parseModelText } from '../../src/load/parse-yaml.js';
import { selectErrors } from '../../src/validate/ajv-errors.js';
import { compileValidator, loadPrecompiledValidator } from '../../src/validate/precompiled.js';
import { toDiagnostic } from '../../src/validate/schema-messages.js';
import { expectationsOf, INVALID_DIR, ROOT, runBuiltCli } from './helpers.js';

const cases = readdirSync(INVALID_DIR).filter((name) => name.endsWith('.yaml')).sort();

describe('invalid fixtures', () => {
  it('there are at least 30 of them, each with expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of cases) expect(expectationsOf(readFileSync(path.join(INVALID_DIR, name))), name).not.toEqual([]);
  });

  it.each(cases)('%s gives exactly the expected errors, each with a hint', async (name) => {
    const file = path.join(INVALID_DIR, name);
    const expected = expectationsOf(readFileSync(file));
    const result = await loadModelFile(file, ROOT);
    expect(result.model).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const key = (d: { rule: string; line: number; col: number }) => `${d.rule} ${d.line}:${d.col}`;
    expect(errors.map(key).sort(), errors.map(formatDiagnostic).join('\n')).toEqual(expected.map(key).sort());
    for (const error of errors) {
      expect(error.file).toBe(`test/fixtures/invalid/${name}`);
      expect(error.hint?.trim(), `${key(error)} has no hint`).toBeTruthy();
      expect(error.message).not.toMatch(/\bmust match (a|exactly one) schema|must NOT be valid|undefined|\[object Object\]/);
    }
    for (const expectation of expected) {
      const { text } = expectation;
      if (!text) continue;
      const match = errors.find((d) => key(d) === key(expectation) && `${d.message}\n${d.hint ?? ''}`.includes(text));
      expect(match, `${key(expectation)} should mention "${text}"; got:\n${errors.map(formatDiagnostic).join('\n')}`).toBeDefined();
    }
  });
});

describe('refusals generated on the fly', () => {
  it('yaml/too-large: a file over the size limit is refused before parsing', () => {
    const line = '# padding padding padding padding padding padding padding padding padding padding\n';
    const bytes = Buffer.from(`version: 1\n${line.repeat(Math.ceil(MAX_MODEL_BYTES / line.length) + 1)}`);
    expect(bytes.byteLength).toBeGreaterThan(MAX_MODEL_BYTES);
    const result = loadModelFromBytes('big.yaml', bytes);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}:${d.col}`)).toEqual(['yaml/too-large 1:1']);
    expect(result.diagnostics[0]!.message).toContain(String(bytes.byteLength));
    expect(result.diagnostics[0]!.hint).toBeTruthy();
  });

  it('a file just under the size limit is parsed normally', () => {
    const seed = readFileSync(path.join(ROOT, 'model/point-system.yaml'));
    const padding = Buffer.alloc(MAX_MODEL_BYTES - seed.byteLength - 2, '#');
    const result = loadModelFromBytes('point-system.yaml', Buffer.concat([seed, Buffer.from('\n'), padding, Buffer.from('\n')]));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.model).toBeDefined();
  });

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]), '1:1'],
    ['a lone continuation byte on line 3', Buffer.from([...Buffer.from('version: 1\nmetadata:\n  owner: a'), 0x80, 0x0a]), '3:11'],
    ['a truncated 3-byte sequence', Buffer.from([...Buffer.from('version: 1\nx: '), 0xe2, 0x82, 0x0a]), '2:4'],
  ])('yaml/encoding: %s', (_label, bytes, position) => {
    const result = loadModelFromBytes('enc.yaml', bytes);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}:${d.col}`)).toEqual([`yaml/encoding ${position}`]);
  });

  it('a UTF-8 byte-order mark is accepted and does not shift columns', () => {
    const text = readFileSync(path.join(INVALID_DIR, 'schema-enum-tier.yaml'));
    const withBom = loadModelFromBytes('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    const without = loadModelFromBytes('bom.yaml', text);
    expect(withBom.diagnostics).toEqual(without.diagnostics);
  });

  it('a missing file is reported, not thrown', async () => {
    const result = await loadModelFile('model/does-not-exist.yaml', ROOT);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['io/unreadable']);
  });
});

describe('the built CLI on invalid fixtures', () => {
  // One process for several files keeps the suite fast; each file's errors must still be named.
  const sample = ['ref-unknown-security-group.yaml', 'schema-unknown-field-component.yaml', 'net-subnet-overlap.yaml', 'yaml-duplicate-key.yaml', 'yaml-alias-limit.yaml', 'env-override-task-count-order.yaml', 'many-schema-errors.yaml'];

  it('validate exits 2 naming path:line:col and the rule of every error, with hints and no stack trace', () => {
    const relative = sample.map((name) => `test/fixtures/invalid/${name}`);
    const run = runBuiltCli(['validate', ...relative]);
    expect(run.status, run.stderr).toBe(2);
    let total = 0;
    for (const file of relative) {
      for (const e of expectationsOf(readFileSync(path.join(ROOT, file)))) {
        expect(run.stderr).toContain(`${file}:${e.line}:${e.col}: error ${e.rule}:`);
        total++;
      }
    }
    expect(run.stderr).toContain(`✗ ${total} errors`);
    expect(run.stderr.match(/^ {2}hint: /gm)?.length).toBe(total);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error/);
    expect(run.stdout).toBe('');
  });

  it('--format json lists the diagnostics', () => {
    const relative = 'test/fixtures/invalid/model-fargate-size.yaml';
    const run = runBuiltCli(['--format', 'json', 'validate', relative]);
    expect(run.status, run.stderr).toBe(2);
    const parsed = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { rule: string; line: number; col: number; hint: string }[] };
    expect(parsed.valid).toBe(false);
    const [e] = expectationsOf(readFileSync(path.join(ROOT, relative)));
    expect(parsed.diagnostics.map((d) => `${d.rule} ${d.line}:${d.col}`)).toEqual([`${e!.rule} ${e!.line}:${e!.col}`]);
    expect(parsed.diagnostics[0]!.hint).toBeTruthy();
  });
});

describe('the precompiled schema validator (written by npm run build)', () => {
  it('is current and reports exactly what a fresh compile reports, on every fixture', async () => {
    const precompiled = loadPrecompiledValidator();
    expect(precompiled, 'dist/validate/model-validator.cjs is missing or stale: run `npm run build`').toBeDefined();
    const fresh = compileValidator();
    let compared = 0;
    for (const name of cases) {
      const parsed = parseModelText(name, readFileSync(path.join(INVALID_DIR, name)));
      if (!parsed.ok) continue;
      const { data, locator } = parsed.value;
      const report = (validate: ValidateFunction) => (validate(data) ? [] : selectErrors(validate.errors ?? []).map((e) => toDiagnostic(e, data, locator)));
      expect(report(precompiled!), name).toEqual(report(fresh));
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});
