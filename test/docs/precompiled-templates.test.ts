/**
 * The precompiled bundled templates: the committed module matches templates/doc/, and documents
 * rendered with it are byte-identical to documents from templates compiled at run time.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, loadMessages } from '../../src/docs/locale.js';
import { precompiledTemplatesModule } from '../../src/docs/precompile.js';
import { compileDocument } from '../../src/docs/templates.js';
import { buildDocView } from '../../src/docs/view/index.js';
import { bundledDocTemplates } from '../../src/docs/write-precompiled-templates.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { docInputs, projectModels, ROOT } from './helpers.js';

let models: ArchitectureModel[];
let inputs: Map<string, string>;

beforeAll(async () => {
  models = await projectModels();
  inputs = await docInputs();
});

describe('precompiled document templates', () => {
  it('src/docs/precompiled-templates.ts is current (else run `node dist/docs/write-precompiled-templates.js`)', async () => {
    const committed = await readFile(path.join(ROOT, 'src/docs/precompiled-templates.ts'), 'utf8');
    expect(committed).toBe(precompiledTemplatesModule(await bundledDocTemplates(ROOT)));
  });

  it('render every model in every locale exactly like templates compiled at run time', () => {
    for (const model of models) {
      for (const locale of LOCALES) {
        const messages = loadMessages(inputs, locale);
        const view = buildDocView(model, locale, messages, { models, inputs });
        const fast = compileDocument(inputs, 'architecture', messages)(view);
        const compiled = compileDocument(inputs, 'architecture', messages, { precompiled: false })(view);
        expect(fast.length).toBeGreaterThan(10_000);
        expect(fast).toBe(compiled);
      }
    }
  });

  it('a template whose text differs from the precompiled one is compiled from its own text', () => {
    const messages = loadMessages(inputs, 'en');
    const edited = new Map(inputs);
    edited.set('templates/doc/partials/title.hbs', '# Edited title {{md overview.systemName}}\n');
    const view = buildDocView(models[0]!, 'en', messages, { models, inputs: edited });
    const text = compileDocument(edited, 'architecture', messages)(view);
    expect(text.startsWith('# Edited title ')).toBe(true);
  });
});
