/**
 * Compiles the document templates from the generator inputs: one main template per document
 * (`templates/doc/<name>.md.hbs`) and one partial per section (`templates/doc/partials/<name>.hbs`).
 * Files under `--templates DIR` replace the bundled ones with the same relative path, so a user
 * partial overrides the bundled partial of the same name.
 */
import Handlebars from 'handlebars';
import { UserError } from '../diagnostics/diagnostic.js';
import { registerHelpers } from './helpers.js';
import type { Messages } from './locale.js';
import type { PrecompiledTemplate } from './precompile.js';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.js';
import { parse, partialNames, TEMPLATE_OPTIONS } from './template-source.js';

export const TEMPLATE_DIR = 'templates/doc';
export const PARTIAL_DIR = `${TEMPLATE_DIR}/partials`;

/** Project-relative path of the file a partial is read from. */
export const partialPath = (name: string): string => `${PARTIAL_DIR}/${name}.hbs`;
export const mainTemplatePath = (name: string): string => `${TEMPLATE_DIR}/${name}.md.hbs`;

type HandlebarsEnv = typeof Handlebars;

/** A compiled document: call it with the view of one model in one locale. */
export type DocumentRenderer = (view: object) => string;

export interface CompileOptions {
  /** Use the precompiled bundled templates where the sources match (default); false compiles every template here. */
  readonly precompiled?: boolean;
}

/**
 * Compiles `templates/doc/<name>.md.hbs` with every partial under `templates/doc/partials/`.
 * Every partial the templates name must exist; the error names the missing one and its path.
 * The compiled templates depend only on the template sources (the messages reach the helpers with
 * each render), so both locales, every model and every run with the same sources share one compile.
 */
export function compileDocument(inputs: ReadonlyMap<string, string>, name: string, messages: Messages, options: CompileOptions = {}): DocumentRenderer {
  const mainPath = mainTemplatePath(name);
  const main = inputs.get(mainPath);
  if (main === undefined) throw missingTemplate(mainPath, `the "${name}" document template`);
  const partials = new Map<string, string>();
  for (const [file, text] of inputs) {
    if (file.startsWith(`${PARTIAL_DIR}/`) && file.endsWith('.hbs')) partials.set(file.slice(PARTIAL_DIR.length + 1, -'.hbs'.length), text);
  }
  const template = compiledTemplate(mainPath, main, partials, options.precompiled ?? true);
  return (view) => {
    try {
      return tidy(template(view, { data: { headings: [0, 0, 0], messages } }));
    } catch (error) {
      const message = (error as Error).message;
      const missing = /The partial (.+) could not be found/.exec(message);
      if (missing) throw missingPartial(missing[1]!, mainPath, [...partials.keys()]);
      throw error;
    }
  };
}

/** Compiled templates by their sources; a handful of entries (bundled and user templates). */
const compiledBySource = new Map<string, HandlebarsTemplateDelegate>();
const MAX_COMPILED = 8;

/** The precompiled form of a template file, when it was precompiled from exactly this text. */
function precompiledEntry(file: string, text: string): PrecompiledTemplate | undefined {
  const entry = Object.hasOwn(PRECOMPILED_TEMPLATES, file) ? PRECOMPILED_TEMPLATES[file] : undefined;
  return entry && entry.source === text ? entry : undefined;
}

function compiledTemplate(mainPath: string, main: string, partials: ReadonlyMap<string, string>, usePrecompiled: boolean): HandlebarsTemplateDelegate {
  const precompiled = (file: string, text: string) => (usePrecompiled ? precompiledEntry(file, text) : undefined);
  const key = JSON.stringify([usePrecompiled, mainPath, main, [...partials].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  const cached = compiledBySource.get(key);
  if (cached) return cached;

  // Every template is parsed at most once (precompiled ones not at all): the tree that names the
  // partials is the one compiled.
  const asts = new Map<string, hbs.AST.Program>();
  const includes = (file: string, text: string, name?: string): readonly string[] => {
    const known = precompiled(file, text);
    if (known) return known.partials;
    const ast = parse(file, text);
    if (name !== undefined) asts.set(name, ast);
    return partialNames(ast);
  };
  const referencedBy = new Map<string, string>();
  const queue: [string, readonly string[]][] = [[mainPath, includes(mainPath, main)]];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [file, names] = item;
    for (const partial of names) {
      if (referencedBy.has(partial)) continue;
      referencedBy.set(partial, file);
      const body = partials.get(partial);
      if (body === undefined) throw missingPartial(partial, file, [...partials.keys()]);
      queue.push([partialPath(partial), includes(partialPath(partial), body, partial)]);
    }
  }
  const env: HandlebarsEnv = Handlebars.create();
  registerHelpers(env);
  const compile = (file: string, text: string, ast: hbs.AST.Program | undefined) => {
    const known = precompiled(file, text);
    return known ? env.template(known.spec) : env.compile(ast ?? text, { ...TEMPLATE_OPTIONS });
  };
  // Compiled once here: Handlebars would otherwise recompile a string partial on every use.
  for (const [partial, text] of partials) env.registerPartial(partial, compile(partialPath(partial), text, asts.get(partial)));
  const template = compile(mainPath, main, undefined);
  if (compiledBySource.size >= MAX_COMPILED) compiledBySource.delete(compiledBySource.keys().next().value!);
  compiledBySource.set(key, template);
  return template;
}

function missingPartial(name: string, usedIn: string, known: readonly string[]): UserError {
  const file = partialPath(name);
  return new UserError(`partial "${name}" is missing: ${usedIn} includes {{> ${name}}} but ${file} does not exist`, [
    {
      file: usedIn, line: 1, col: 1, rule: 'docs/missing-partial', severity: 'error',
      message: `partial "${name}" not found (expected ${file}, or the same path under --templates)`,
      hint: known.length ? `known partials: ${[...known].sort().join(', ')}` : 'no partials were found under templates/doc/partials/',
    },
  ]);
}

function missingTemplate(file: string, what: string): UserError {
  return new UserError(`${what} is missing: ${file} does not exist`, [
    { file, line: 1, col: 1, rule: 'docs/missing-template', severity: 'error', message: `${file} not found`, hint: 'restore it from the archgen package, or provide it with --templates' },
  ]);
}

/** At most one blank line in a row, no trailing spaces, one final newline (markdownlint MD012/MD009/MD047). */
function tidy(text: string): string {
  // Trailing blanks are cut by scanning back from each line end: linear however long a run of spaces is.
  const lines: string[] = [];
  for (let start = 0; ; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let last = end;
    while (last > start && (text.charCodeAt(last - 1) === SPACE || text.charCodeAt(last - 1) === TAB)) last--;
    lines.push(text.slice(start, last));
    if (newline === -1) break;
    start = newline + 1;
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

const SPACE = 0x20;
const TAB = 0x09;
