import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGRAM_KINDS } from '../../src/generators/mermaid/index.js';
import { IdAllocator, mermaidId, mermaidLines, mermaidText } from '../../src/generators/mermaid/escape.js';
import type { ResolvedEnvironment } from '../../src/model/types.js';
import { launchBrowser } from '../../src/render/browser.js';
import { MermaidPage } from '../../src/render/mermaid-engine.js';
import { seedModel, svgText } from './helpers.js';

/** Labels that break naive Mermaid generators: statement ends, shapes, entities, HTML, comments, markdown. */
const HOSTILE = [
  'Say "hi" & <b>bold</b>',
  '50% #1; DROP TABLE points;',
  '`code` [brackets] {braces} (parens) | pipe',
  '포인트 API — 한국어 (캐시) 「괄호」',
  'end',
  'a --> b ::: c %% not a comment',
  '#quot; stays literal #35;',
  '<script>alert(1)</script>',
  'click x call alert()',
  'back\\slash and trailing colon:',
  'subgraph X; end; classDef y fill:red',
];

const text = (value: string) => ({ ko: value, en: value });

/** The seed's default environment with hostile text in every label position the diagrams use. */
async function hostileEnvironment(): Promise<{ env: ResolvedEnvironment; labels: string[] }> {
  const model = await seedModel();
  const env = JSON.parse(JSON.stringify(model.environments[model.defaultEnvironment])) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const labels: string[] = [];
  let n = 0;
  const next = () => {
    const label = `${HOSTILE[n % HOSTILE.length]} ${n}`;
    n++;
    labels.push(label);
    return label;
  };
  env.network.vpc.name = text(next());
  for (const c of env.components) {
    c.name = text(next());
    if (c.type === 'pipeline') for (const stage of c.stages) stage.name = text(next());
  }
  for (const c of env.connections) c.purpose = text(next());
  for (const g of env.securityGroups) {
    g.name = text(next());
    for (const rule of g.ingress) rule.description = text(next());
  }
  return { env, labels };
}

describe('mermaidText', () => {
  it('replaces every Mermaid-significant character with an entity code', () => {
    expect(mermaidText('a"b#c;d<e>f&g`h|i%j')).toBe('a#quot;b#35;c#59;d#lt;e#gt;f#amp;g#96;h#124;i#37;j');
  });

  it('keeps Korean, brackets and ordinary punctuation readable', () => {
    expect(mermaidText('포인트 API (ECS 서비스) [옵션]: 10.0.0.0/16')).toBe('포인트 API (ECS 서비스) [옵션]: 10.0.0.0/16');
  });

  it('turns line breaks and control characters into one space', () => {
    expect(mermaidText('one\r\ntwo\u0000three\u2028four')).toBe('one two three four');
  });

  it('joins escaped lines with <br/> and drops empty ones', () => {
    expect(mermaidLines(['a<b', undefined, '  ', 'c'])).toBe('a#lt;b<br/>c');
  });
});

describe('mermaid ids', () => {
  it('are ASCII, prefixed, and never a bare reserved word', () => {
    expect(mermaidId('c', 'points-api')).toBe('c_points_api');
    expect(mermaidId('c', '포인트')).toBe('c_x');
    expect(mermaidId('c', '')).toBe('c_x');
    expect(mermaidId('c', 'end')).toMatch(/^c_end$/);
  });

  it('stay unique when different model ids sanitize to the same text', () => {
    const ids = new IdAllocator();
    const a = ids.id('c', 'a-b');
    const b = ids.id('c', 'a_b');
    const c = ids.id('c', 'a.b');
    expect(new Set([a, b, c]).size).toBe(3);
    expect(ids.id('c', 'a_b')).toBe(b);
  });
});

describe('hostile labels through Mermaid in Chromium', () => {
  let browser: Browser;
  let page: MermaidPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await MermaidPage.open(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every diagram still parses and shows each hostile label exactly', async () => {
    const { env, labels } = await hostileEnvironment();
    const shown = new Set<string>();
    for (const kind of DIAGRAM_KINDS) {
      const body = kind.body(env);
      if (body === undefined) continue;
      const parsed = await page.parse(body);
      expect(parsed, `${kind.name} parses`).not.toHaveProperty('error');
      const visible = svgText(await page.render(`hostile-${kind.name}`, body));
      for (const label of labels) if (visible.includes(label)) shown.add(label);
    }
    // Every label appears in at least one diagram, verbatim (decoded), so none was swallowed or split.
    expect(labels.filter((label) => !shown.has(label))).toEqual([]);
    expect(page.blockedRequests).toEqual([]);
  });

  it('a label that looks like an entity code is shown literally, not decoded', async () => {
    const svg = await page.render('literal', `flowchart LR\n  a["${mermaidText('#quot; and #35;')}"]\n`);
    expect(svgText(svg)).toContain('#quot; and #35;');
  });

  it('an injected <script> or <img> never becomes an element of the SVG', async () => {
    const svg = await page.render('markup', `flowchart LR\n  a["${mermaidText('<img src=x onerror=alert(1)><script>alert(2)</script>')}"]\n`);
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svgText(svg)).toContain('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });
});
