/**
 * A small JSON parser that keeps positions (see source-text.ts) and rejects what `JSON.parse`
 * silently accepts or cannot explain: duplicate keys (at the second one) and absurd nesting.
 * Strings without escapes are sliced in one step, which keeps a 1 MB template in the tens of ms.
 */
import type { CfnValue } from '../types.js';
import { fail } from './problems.js';
import { recordOffsets, type SourceText } from './source-text.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NEEDS_SLOW_PATH = /[\\\u0000-\u001f]/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Offsets of the keys (object) or items (array) of the JSON container at `start`, in text the
 * parser has already accepted: a skim, not a second parse.
 */
export function jsonChildOffsets(text: string, start: number): Map<string | number, number> {
  const children = new Map<string | number, number>();
  const isObject = text[start] === '{';
  let i = skipSpace(text, start + 1);
  for (let index = 0; text[i] !== '}' && text[i] !== ']' && i < text.length; index++) {
    if (isObject) {
      const end = stringEnd(text, i);
      const raw = text.slice(i + 1, end - 1);
      children.set(raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw, i);
      i = skipSpace(text, skipSpace(text, end) + 1);
    } else {
      children.set(index, i);
    }
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return children;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

/** Offset just past the string that starts (with `"`) at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** Offset just past the value that starts at `i`. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c !== '{' && c !== '[') {
    let j = i;
    while (j < text.length && !',}] \n\r\t'.includes(text[j]!)) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text[j];
    if (d === '"') j = stringEnd(text, j) - 1;
    else if (d === '{' || d === '[') depth++;
    else if ((d === '}' || d === ']') && --depth === 0) return j + 1;
  }
  return text.length;
}

/** Parses JSON text; every mistake throws a `UserError` at its line and column. */
export function parseJsonTemplate(source: SourceText, maxDepth: number): CfnValue {
  return new JsonParser(source, maxDepth).parseDocument();
}

class JsonParser {
  private pos = 0;
  private depth = 0;
  private readonly text: string;

  constructor(private readonly source: SourceText, private readonly maxDepth: number) {
    this.text = source.text;
  }

  parseDocument(): CfnValue {
    this.skipSpace();
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length) this.error('unexpected text after the end of the JSON value', 'a template is one JSON object; remove what follows its closing `}`');
    return value;
  }

  private parseValue(): CfnValue {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b /* { */) return this.parseObject();
    if (c === 0x5b /* [ */) return this.parseArray();
    if (c === 0x22 /* " */) return this.parseString();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    if (this.pos >= this.text.length) this.error('unexpected end of the file', 'the JSON is cut off: close every `{` and `[`');
    this.error(`unexpected character ${JSON.stringify(this.text[this.pos])}`, 'JSON values are objects, arrays, "strings", numbers, true, false or null; check for a missing comma or quote');
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) {
      this.error(`values nest more than ${this.maxDepth} levels deep`, 'CloudFormation templates never need this; the file is probably generated wrongly or hostile', 'cfn/too-deep');
    }
  }

  private parseObject(): CfnValue {
    this.enter();
    const start = this.pos++;
    const result: Record<string, CfnValue> = {};
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
    } else {
      for (;;) {
        this.skipSpace();
        const keyAt = this.pos;
        if (this.text.charCodeAt(this.pos) !== 0x22) this.error('expected a "quoted" key', 'JSON keys are in double quotes; check for a trailing comma before `}`');
        const key = this.parseString();
        if (Object.prototype.hasOwnProperty.call(result, key)) {
          this.error(`duplicate key ${JSON.stringify(key)}: it already appears earlier in the same object`, 'each key may appear once in an object; remove one or merge their values', 'cfn/duplicate-key', keyAt);
        }
        this.skipSpace();
        if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.error('expected `:` after the key', 'write "key": value');
        this.pos++;
        this.skipSpace();
        const value = this.parseValue();
        if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        else result[key] = value;
        this.skipSpace();
        const next = this.text.charCodeAt(this.pos++);
        if (next === 0x7d) break;
        if (next !== 0x2c /* , */) this.error('expected `,` or `}` after a value', 'separate the members of an object with commas', 'cfn/json-syntax', this.pos - 1);
      }
    }
    this.depth--;
    recordOffsets(result, this.source, start);
    return result;
  }

  private parseArray(): CfnValue {
    this.enter();
    const start = this.pos++;
    const result: CfnValue[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++;
    } else {
      for (;;) {
        this.skipSpace();
        result.push(this.parseValue());
        this.skipSpace();
        const next = this.text.charCodeAt(this.pos++);
        if (next === 0x5d) break;
        if (next !== 0x2c) this.error('expected `,` or `]` after an array item', 'separate the items of an array with commas', 'cfn/json-syntax', this.pos - 1);
      }
    }
    this.depth--;
    recordOffsets(result, this.source, start);
    return result;
  }

  private parseString(): string {
    const start = this.pos + 1;
    const end = this.text.indexOf('"', start);
    if (end === -1) this.error('string is not closed', 'add the closing `"`');
    const raw = this.text.slice(start, end);
    if (!NEEDS_SLOW_PATH.test(raw)) {
      this.pos = end + 1;
      return raw;
    }
    let out = '';
    let i = start;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c)) this.error('string is not closed', 'add the closing `"`', 'cfn/json-syntax', this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.error('control character inside a string', 'write line breaks and tabs as \\n and \\t inside JSON strings', 'cfn/json-syntax', i);
      if (c !== 0x5c /* \ */) {
        out += this.text[i++];
        continue;
      }
      const e = this.text[i + 1] ?? '';
      if (e === 'u') {
        const hex = this.text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.error('invalid \\u escape', 'write \\u followed by four hex digits', 'cfn/json-syntax', i);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
      } else {
        this.error(`invalid escape \\${e}`, 'JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX', 'cfn/json-syntax', i);
      }
    }
    this.pos = i + 1;
    return out;
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === '-') this.error('invalid number', 'JSON numbers look like 80, -1, 0.5 or 1e3');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  private error(message: string, hint: string, rule = 'cfn/json-syntax', offset = this.pos): never {
    if (offset >= this.text.length && rule === 'cfn/json-syntax') {
      fail(this.source.position(this.text.length), rule, 'unexpected end of the file', 'the JSON is cut off: close every `{` and `[`');
    }
    fail(this.source.position(offset), rule, message, hint);
  }
}
