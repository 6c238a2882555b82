/**
 * Free text for random models: ordinary words mixed with strings that break naive escaping in
 * XML, HTML, Markdown, Mermaid, CSV, JSON and generated TypeScript.
 */
import fc from 'fast-check';

/** Tokens that end or open a construct in one of the output languages. */
export const NASTY = [
  '</mxCell>',
  '"]}',
  '-->',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '`backtick`',
  '${process.exit(1)}',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example")',
  '+1',
  '-2',
  '@SUM(A1)',
  '|',
  '||',
  '#',
  '#quot;',
  ';',
  '"',
  "'",
  '\\',
  '&amp;',
  '&',
  '<',
  '>',
  '%%',
  '{{x}}',
  '[link](http://x)',
  '*em*',
  '_u_',
  '~~s~~',
  ']]>',
  '<!--',
  '*/',
  '/*',
  '//',
  ':::',
  'end',
  'subgraph',
  '포인트 API',
  '캐시 미스',
  '🚀',
  '👩‍💻',
  '한국어 (괄호)',
] as const;

const WORDS = ['api', 'Points', 'cache', 'DB', 'primary', 'read', 'write', '443', '10.0.0.0/16', 'A', 'x'] as const;

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }) },
);

/** A one-line label: one token (so it starts the cell) or up to 4 joined by spaces; never blank. */
export const label: fc.Arbitrary<string> = fc
  .oneof(token.map((t) => [t]), fc.array(token, { minLength: 1, maxLength: 4 }))
  .map((parts) => parts.join(' ').trim())
  .filter((s) => s.length > 0);

/** Text that may span lines (descriptions, purposes). */
export const multiline: fc.Arbitrary<string> = fc
  .array(fc.tuple(label, fc.constantFrom(' ', ' ', '\n', '\r\n')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([text, sep], i) => (i === 0 ? text : `${sep}${text}`)).join(''));

/** A model `Text`: a plain string, or one string per locale. */
export const textOf = (inner: fc.Arbitrary<string>): fc.Arbitrary<string | { ko?: string; en?: string }> =>
  fc.oneof(
    inner,
    fc.record({ ko: inner, en: inner }),
    fc.record({ ko: inner }),
    fc.record({ en: inner }),
  );

export const text = textOf(label);
export const longText = textOf(multiline);

/** The English rendering of a `Text` the way the normalizer resolves it: `en`, else `ko`. */
export const english = (value: string | { ko?: string; en?: string }): string =>
  typeof value === 'string' ? value : (value.en ?? value.ko ?? '');
