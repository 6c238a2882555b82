/**
 * Handlebars for generated TypeScript and Markdown. HTML escaping is off (it would corrupt
 * code), so every model value reaches a template through a helper that escapes for its target:
 * `ts` (a JSON string literal), `comment` (inside a block comment), `md` (Markdown text).
 */
import Handlebars from 'handlebars';

/** A string literal for TypeScript source: JSON escaping covers quotes, backslashes and line breaks. */
export const tsString = (value: unknown): string => JSON.stringify(String(value ?? ''));

/** Text safe inside a `/** … *\/` comment: one line, no comment terminator. */
export const commentText = (value: unknown): string =>
  String(value ?? '').replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');

/** Markdown inline text: HTML-escaped, Markdown punctuation and table pipes backslash-escaped, one line. */
export function markdownText(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1');
}

/** Renders templates keyed by path; unknown variables are errors, not empty strings. */
export function createRenderer(templates: ReadonlyMap<string, string>): (path: string, data: object) => string {
  const hbs = Handlebars.create();
  hbs.registerHelper('ts', (value: unknown) => tsString(value));
  hbs.registerHelper('comment', (value: unknown) => commentText(value));
  hbs.registerHelper('md', (value: unknown) => markdownText(value));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return (path, data) => {
    let template = compiled.get(path);
    if (!template) {
      const source = templates.get(path);
      if (source === undefined) throw new Error(`scaffold template ${path} is missing`);
      template = hbs.compile(source, { noEscape: true, strict: true });
      compiled.set(path, template);
    }
    return template(data);
  };
}
