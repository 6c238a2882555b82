/**
 * `--templates DIR`: a user's partial replaces the bundled one of the same name; a template that
 * includes a partial nobody provides fails with a user error naming it, from the API and the CLI.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { runBuiltCli } from '../foundation/helpers.js';
import { docInputs, documents, projectModels, ROOT } from './helpers.js';

let models: ArchitectureModel[];
let seed: ArchitectureModel;
let dir: string;

async function overlay(files: Record<string, string>): Promise<string> {
  const target = await mkdtemp(path.join(dir, 'templates-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), text);
  }
  return target;
}

beforeAll(async () => {
  models = await projectModels();
  seed = models.find((m) => m.id === 'point-system')!;
  dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-docs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('template overrides', () => {
  it('a user partial replaces the bundled partial of the same name, the others stay', async () => {
    const templates = await overlay({ 'doc/partials/overview.hbs': '{{h2 "Custom overview"}}\n\nOwned by {{code overview.owner}} in {{md overview.region}}.\n' });
    const ko = documents(seed, models, await docInputs(templates)).get('output/point-system/architecture.ko.md')!;
    expect(ko).toContain('## 1. Custom overview\n\nOwned by `points-platform-team` in ap-northeast-2.');
    expect(ko).not.toContain('## 1. 개요');
    expect(ko).toContain('## 2. 아키텍처 개요');
  });

  it('a user locale file changes the sentences without touching the templates', async () => {
    const bundled = (await docInputs()).get('templates/locales/en.json')!;
    const templates = await overlay({ 'locales/en.json': bundled.replace('"title": "Overview"', '"title": "Summary"') });
    const en = documents(seed, models, await docInputs(templates)).get('output/point-system/architecture.en.md')!;
    expect(en).toContain('## 1. Summary');
  });

  it('a partial nobody provides is a user error naming it and where it was expected', async () => {
    const templates = await overlay({ 'doc/partials/overview.hbs': '{{h2 "Overview"}}\n\n{{> team-contacts}}\n' });
    const inputs = await docInputs(templates);
    let error: unknown;
    try {
      documents(seed, models, inputs);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('partial "team-contacts" is missing: templates/doc/partials/overview.hbs includes {{> team-contacts}} but templates/doc/partials/team-contacts.hbs does not exist');
    expect((error as UserError).diagnostics[0]!.hint).toContain('known partials: alternatives, architecture-style, availability');
  });

  it('a missing message key names the key and the locale file', async () => {
    const templates = await overlay({ 'doc/partials/next.hbs': '{{t "next.nowhere"}}\n' });
    const inputs = await docInputs(templates);
    expect(() => documents(seed, models, inputs)).toThrow(/message "next\.nowhere" is missing from templates\/locales\/ko\.json/);
  });

  it('archgen generate --templates with a missing partial exits 2 with the partial named, without a stack trace', async () => {
    const templates = await overlay({ 'doc/architecture.md.hbs': '{{> title}}\n\n{{> glossary}}\n' });
    const result = runBuiltCli(['generate', '--templates', templates, 'model/point-system.yaml'], { cwd: ROOT });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('partial "glossary" is missing');
    expect(result.stderr).toContain('templates/doc/partials/glossary.hbs');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
