/**
 * YAML templates: parsed by the `yaml` library with every CloudFormation short-form tag
 * registered, then turned into plain data here, where each tagged node becomes its long form and
 * positions are recorded. Refuses several documents, unknown tags, duplicate keys, aliases
 * past the limits and absurd nesting, each at its line and column.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { didYouMean } from '../../diagnostics/diagnostic.js';
import type { CfnValue } from '../types.js';
import { fail } from './problems.js';
import { recordOffsets, type SourceText } from './source-text.js';
import { CFN_YAML_TAGS, longForm, SHORT_FORMS } from './tags.js';

export interface YamlLimits {
  readonly maxDepth: number;
  /** Alias nodes (`*name`) allowed in one file. */
  readonly maxAliasCount: number;
  /** Values that alias expansion may add in total, against "billion laughs" files. */
  readonly maxAliasExpansion: number;
}

const STANDARD_TAG = 'tag:yaml.org,2002:';
/** YAML's own tags that give plain JSON values; `!!binary`, `!!set`, … have no CloudFormation meaning. */
const PLAIN_TAGS: ReadonlySet<string> = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => STANDARD_TAG + name));

/** Parses YAML template text into data; every mistake throws a `UserError` at its position. */
export function parseYamlTemplate(source: SourceText, limits: YamlLimits): CfnValue {
  const at = (offset: number) => source.position(offset);
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(source.text, { customTags: CFN_YAML_TAGS, uniqueKeys: true, strict: true, prettyErrors: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    if (error instanceof RangeError) tooDeep(source, limits.maxDepth);
    throw error;
  }
  const isEmpty = (doc: Document.Parsed | undefined) => !doc || doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''));
  const extra = docs.slice(1).find((doc) => !isEmpty(doc));
  if (extra) fail(at(extra.range[0]), 'cfn/multi-document', 'file holds several YAML documents', 'keep one template per file; remove the `---` separator and what follows, or split it into files');
  const doc = docs[0];
  if (!doc || isEmpty(doc)) {
    fail(at(doc?.range[0] ?? 0), 'cfn/empty', 'file holds no template (it is empty or only comments)', 'a template is a mapping with at least `Resources:`');
  }
  reportParseErrors(source, doc, limits);
  return new YamlConverter(source, limits).convert(doc.contents, 0);
}

function reportParseErrors(source: SourceText, doc: Document.Parsed, limits: YamlLimits): void {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = errors[0];
  if (first?.code === 'DUPLICATE_KEY') {
    const key = /^("[^"]*"|'[^']*'|[^:,{}[\]\s][^:,{}[\]]*?)\s*:/.exec(source.text.slice(first.pos[0]))?.[1] ?? 'this key';
    fail(source.position(first.pos[0]), 'cfn/duplicate-key', `duplicate key ${/^["']/.test(key) ? key : `"${key}"`}: it already appears earlier in the same mapping`,
      'each key may appear once in a mapping; CloudFormation would keep only one of them silently, so remove one or merge their values');
  }
  if (first && /call stack/i.test(first.message)) tooDeep(source, limits.maxDepth);
  if (first?.code === 'MULTIPLE_TAGS') {
    fail(source.position(first.pos[0]), 'cfn/yaml-syntax', 'two tags on one value', 'YAML allows one tag per value, so short forms cannot be stacked (`!ImportValue !Sub …`); write the outer function in its long form, e.g. `Fn::ImportValue: !Sub …`');
  }
  if (first) {
    const tab = /^( *)\t/m.exec(source.text);
    if (tab && tab.index + tab[1]!.length <= first.pos[0]) {
      fail(source.position(tab.index + tab[1]!.length), 'cfn/yaml-syntax', 'tab character in the indentation', 'YAML indents with spaces only; replace the tab with spaces');
    }
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const token = /[ \t]*/y;
    token.lastIndex = first.pos[0];
    token.exec(source.text);
    fail(source.position(token.lastIndex), 'cfn/yaml-syntax', message.charAt(0).toLowerCase() + message.slice(1),
      'check the indentation (spaces, same column for keys of one mapping), quotes, and that every `{` and `[` is closed');
  }
  const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const tag = /!+[^\s,\]}]*/.exec(source.text.slice(unknownTag.pos[0]))?.[0] ?? 'this tag';
    const suggestion = didYouMean(tag.replace(/^!+/, ''), [...SHORT_FORMS.keys()]);
    fail(source.position(unknownTag.pos[0]), 'cfn/unknown-tag', `unknown tag ${tag}`,
      suggestion ? `did you mean !${suggestion}?` : `CloudFormation's short forms are ${[...SHORT_FORMS.keys()].map((n) => `!${n}`).join(', ')}`);
  }
}

class YamlConverter {
  private readonly anchors = new Map<string, { node: Node; value?: CfnValue; size: number }>();
  private aliases = 0;
  private produced = 0;
  private expanded = 0;

  constructor(private readonly source: SourceText, private readonly limits: YamlLimits) {}

  convert(node: unknown, depth: number): CfnValue {
    if (node === null || node === undefined) return null;
    const offset = (node as Node).range?.[0] ?? 0;
    if (depth > this.limits.maxDepth) {
      this.fail(offset, 'cfn/too-deep', `values nest more than ${this.limits.maxDepth} levels deep`, 'CloudFormation templates never need this; the file is probably generated wrongly or hostile');
    }
    if (isAlias(node)) return this.alias(node.source, offset);
    const anchor = (node as Node).anchor;
    const entry: { node: Node; value?: CfnValue; size: number } | undefined = anchor ? { node: node as Node, size: 0 } : undefined;
    if (anchor && entry) this.anchors.set(anchor, entry);
    const before = this.produced;
    const value = this.convertNode(node as Node, offset, depth);
    if (entry) {
      entry.value = value;
      entry.size = this.produced - before;
    }
    return value;
  }

  private convertNode(node: Node, offset: number, depth: number): CfnValue {
    this.produced++;
    let value: CfnValue;
    if (isMap(node)) value = this.mapping(node.items, offset, depth);
    else if (isSeq(node)) value = this.sequence(node.items, offset, depth);
    else if (isScalar(node)) value = scalarValue(node.value);
    else this.fail(offset, 'cfn/yaml-syntax', 'unsupported YAML node', 'use mappings, sequences and plain values only');
    const tag = node.tag;
    if (!tag || PLAIN_TAGS.has(tag)) return value;
    const name = tag.replace(/^!/, '');
    if (!SHORT_FORMS.has(name)) {
      const written = tag.startsWith(STANDARD_TAG) ? `!!${tag.slice(STANDARD_TAG.length)}` : tag;
      const tagAt = this.source.text.lastIndexOf(written, offset);
      this.fail(tagAt === -1 ? offset : tagAt, 'cfn/unknown-tag', `unknown tag ${written}`, `CloudFormation knows plain values and its short forms ${[...SHORT_FORMS.keys()].map((n) => `!${n}`).join(', ')}`);
    }
    const long = longForm(name, value);
    recordOffsets(long, this.source, offset, new Map([[Object.keys(long)[0]!, offset]]));
    return long;
  }

  private mapping(items: readonly unknown[], offset: number, depth: number): CfnValue {
    const result: Record<string, CfnValue> = {};
    const children = new Map<string | number, number>();
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyOffset = keyNode?.range?.[0] ?? offset;
      if (keyNode !== null && !isScalar(keyNode)) {
        this.fail(keyOffset, 'cfn/yaml-syntax', 'mapping key is not a plain value', 'CloudFormation keys are names such as `Type` or `Properties`');
      }
      const key = keyNode === null || keyNode.value === null ? '' : String(keyNode.value);
      children.set(key, keyOffset);
      const value = this.convert(pair.value, depth + 1);
      if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
    }
    recordOffsets(result, this.source, offset, children);
    return result;
  }

  private sequence(items: readonly unknown[], offset: number, depth: number): CfnValue {
    const result: CfnValue[] = [];
    const children = new Map<string | number, number>();
    for (const item of items) {
      children.set(result.length, (item as Node | null)?.range?.[0] ?? offset);
      result.push(this.convert(item, depth + 1));
    }
    recordOffsets(result, this.source, offset, children);
    return result;
  }

  private alias(name: string, offset: number): CfnValue {
    const entry = this.anchors.get(name);
    if (!entry) this.fail(offset, 'cfn/yaml-syntax', `alias \`*${name}\` refers to no anchor`, `define \`&${name}\` before this alias, or write the value out`);
    if (entry.value === undefined) this.fail(offset, 'cfn/alias-limit', `alias \`*${name}\` refers to the value that contains it`, 'a value cannot include itself; write it out');
    if (++this.aliases > this.limits.maxAliasCount) {
      this.fail(offset, 'cfn/alias-limit', `more than ${this.limits.maxAliasCount} aliases`, 'write the values out instead of using anchors and aliases');
    }
    this.expanded += entry.size;
    this.produced += entry.size;
    if (this.expanded > this.limits.maxAliasExpansion) {
      this.fail(offset, 'cfn/alias-limit', `aliases expand to more than ${this.limits.maxAliasExpansion} values`, 'anchors that repeat anchors grow exponentially; write the values out');
    }
    return entry.value;
  }

  private fail(offset: number, rule: string, message: string, hint: string): never {
    fail(this.source.position(offset), rule, message, hint);
  }
}

function scalarValue(value: unknown): CfnValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * The parser ran out of stack: points at the first flow bracket nested deeper than the limit
 * (brackets inside quotes and comments skipped), or the start of the file.
 */
function tooDeep(source: SourceText, maxDepth: number): never {
  const text = source.text;
  let depth = 0;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1) break;
      i = end;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end;
    } else if (c === '[' || c === '{') {
      if (++depth > maxDepth) {
        offset = i;
        break;
      }
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  fail(source.position(offset), 'cfn/too-deep', `values nest more than ${maxDepth} levels deep`, 'CloudFormation templates never need this; the file is probably generated wrongly or hostile');
}
