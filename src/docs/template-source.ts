/**
 * Reading a document template's source: the Handlebars options every template is compiled with,
 * parsing with a user error for bad syntax, and the partials a template includes.
 */
import Handlebars from 'handlebars';
import { UserError } from '../diagnostics/diagnostic.js';

/** Compile options of the document templates (Markdown output: no HTML escaping). */
export const TEMPLATE_OPTIONS = { noEscape: true, strict: false, knownHelpersOnly: false } as const;

/** The template's syntax tree, before whitespace control (which the compiler applies itself). */
export function parse(file: string, text: string): hbs.AST.Program {
  try {
    return Handlebars.parseWithoutProcessing(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    throw new UserError(`template ${file} does not parse`, [
      { file, line, col: 1, rule: 'docs/template-syntax', severity: 'error', message: message.split('\n')[0]!, hint: 'check the Handlebars syntax ({{…}}, {{#each}}…{{/each}})' },
    ]);
  }
}

/** Names of the static partials (`{{> name}}`) a template uses. */
export function partialNames(program: hbs.AST.Program): string[] {
  const names: string[] = [];
  class Collector extends Handlebars.Visitor {
    override PartialStatement(partial: hbs.AST.PartialStatement): void {
      if (partial.name.type === 'PathExpression') names.push((partial.name as hbs.AST.PathExpression).original);
      super.PartialStatement(partial);
    }
    override PartialBlockStatement(partial: hbs.AST.PartialBlockStatement): void {
      if (partial.name.type === 'PathExpression') names.push((partial.name as hbs.AST.PathExpression).original);
      super.PartialBlockStatement(partial);
    }
  }
  new Collector().accept(program);
  return names;
}

