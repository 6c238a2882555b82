/**
 * Labels and sentences of the documents, read from `templates/locales/<locale>.json` so that no
 * prose lives in code. Keys are dotted paths into the JSON; `{name}` placeholders are filled in.
 */
import { UserError } from '../diagnostics/diagnostic.js';
import type { Locale } from '../model/types.js';

export const LOCALES: readonly Locale[] = ['ko', 'en'];

/** Project-relative path of a locale file. */
export const localePath = (locale: Locale): string => `templates/locales/${locale}.json`;

export interface Messages {
  readonly locale: Locale;
  /** The sentence at `key` with `{placeholders}` replaced; throws a {@link UserError} when missing. */
  text(key: string, params?: Readonly<Record<string, string>>): string;
  /** Like {@link text} but undefined when the key does not exist. */
  tryText(key: string, params?: Readonly<Record<string, string>>): string | undefined;
}

/** Parses the locale file from the generator inputs. */
export function loadMessages(inputs: ReadonlyMap<string, string>, locale: Locale): Messages {
  const file = localePath(locale);
  const source = inputs.get(file);
  if (source === undefined) {
    throw new UserError(`locale file ${file} is missing`, [
      { file, line: 1, col: 1, rule: 'docs/missing-locale', severity: 'error', message: `no messages for locale "${locale}"`, hint: `restore ${file} or copy it from the archgen package` },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new UserError(`locale file ${file} is not valid JSON`, [
      { file, line: 1, col: 1, rule: 'docs/invalid-locale', severity: 'error', message: (error as Error).message, hint: 'fix the JSON syntax' },
    ]);
  }
  // A document asks for the same few keys thousands of times: each is looked up once.
  const found = new Map<string, string | undefined>();
  const lookup = (key: string): string | undefined => {
    if (found.has(key)) return found.get(key);
    let node: unknown = data;
    for (const part of key.split('.')) {
      if (node === null || typeof node !== 'object') {
        node = undefined;
        break;
      }
      node = (node as Record<string, unknown>)[part];
    }
    const text = typeof node === 'string' ? node : undefined;
    found.set(key, text);
    return text;
  };
  const fill = (template: string, params: Readonly<Record<string, string>> = {}): string =>
    template.includes('{') ? template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => params[name] ?? whole) : template;
  return {
    locale,
    tryText: (key, params) => {
      const found = lookup(key);
      return found === undefined ? undefined : fill(found, params);
    },
    text: (key, params) => {
      const found = lookup(key);
      if (found === undefined) {
        throw new UserError(`message "${key}" is missing from ${file}`, [
          { file, line: 1, col: 1, rule: 'docs/missing-message', severity: 'error', message: `no message "${key}" for locale "${locale}"`, hint: `add "${key}" to ${file}` },
        ]);
      }
      return fill(found, params);
    },
  };
}
