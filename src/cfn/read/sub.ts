/** The `${…}` syntax of `Fn::Sub` strings. */

export type SubPart =
  | { readonly kind: 'text'; readonly text: string }
  /** `${Name}` or `${Resource.Attribute}`; `name` is what is between the braces. */
  | { readonly kind: 'variable'; readonly name: string };

/**
 * Splits a `Fn::Sub` string into text and variables. `${!Literal}` is the escape for a literal
 * `${Literal}` and stays text.
 */
export function parseSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(/\$\{([^}]*)\}/g)) {
    text += template.slice(last, match.index);
    last = match.index + match[0].length;
    const inner = match[1]!;
    if (inner.startsWith('!')) {
      text += `\${${inner.slice(1)}}`;
      continue;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'variable', name: inner.trim() });
  }
  text += template.slice(last);
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** `Resource.Attribute` → resource and attribute (attribute names may hold dots); `Name` → no attribute. */
export function splitSubVariable(name: string): { readonly target: string; readonly attribute?: string } {
  const dot = name.indexOf('.');
  return dot === -1 ? { target: name } : { target: name.slice(0, dot), attribute: name.slice(dot + 1) };
}
