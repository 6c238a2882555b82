import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/site/markdown.js';

const md = (text: string, options = {}) => markdownToHtml(text, options).html;

describe('markdownToHtml', () => {
  it('escapes raw HTML and script in text, attributes and code', () => {
    const out = md('<script>alert(1)</script> **<b>x</b>** `<i>` [a"b](https://e.x/?q="><img>)');
    expect(out).not.toMatch(/<script|<b>|<i>|<img/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('<code>&lt;i&gt;</code>');
  });

  it('drops javascript: links but keeps their text', () => {
    const out = md('[click](javascript:alert(1))');
    expect(out).not.toContain('href');
    expect(out).toContain('click');
  });

  it('ends on NUL characters (a template may hold one) and shows them as U+FFFD, as CommonMark does', () => {
    expect(md('# a\u0000b\n\nx \u0000 **y** `c\u0000`\n\n| a | b\u0000 |\n|---|---|\n| 1 | 2 |')).toContain('<p>x \uFFFD <strong>y</strong> <code>c\uFFFD</code></p>');
    expect(md('\u00000\u0000 `z`')).toBe('<p>\uFFFD0\uFFFD <code>z</code></p>');
  });

  it('ends on lines that look like a block start but are none (a heading holding U+2028, a lone ">" mark)', () => {
    expect(md('#### 4.2.1 line\u2028separator\n\ntext')).toContain('<h4');
    expect(md('#### a\u2029b')).toContain('<h4');
    for (const text of ['#\u2028', '# \u2028', '```', '> ', '- ', '|a|\n|--|']) expect(typeof md(text)).toBe('string');
  });

  it('renders headings with unique ids and lists them', () => {
    const result = markdownToHtml('# Title\n\n## 1. 개요\n\n## 1. 개요\n', { idPrefix: 'ko-' });
    expect(result.headings.map((h) => h.id)).toEqual(['ko-title', 'ko-1-개요', 'ko-1-개요-1']);
    expect(result.html).toContain('<h2 id="ko-1-개요">1. 개요</h2>');
  });

  it('renders GFM tables with alignment, escaped pipes and inline code', () => {
    const out = md('| Name | Port |\n|:-----|-----:|\n| ALB `a|b` | 443 |\n| x \\| y | 80 |');
    expect(out).toContain('<th style="text-align:left">Name</th><th style="text-align:right">Port</th>');
    expect(out).toContain('<td style="text-align:left">ALB <code>a|b</code></td>');
    expect(out).toContain('<td style="text-align:left">x | y</td>');
  });

  it('renders nested and ordered lists', () => {
    const out = md('- a\n  - b\n  - c\n- d\n\n3. x\n4. y');
    expect(out).toBe('<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>\n<ol start="3"><li>x</li><li>y</li></ol>');
  });

  it('renders fenced code literally, or through the code hook', () => {
    expect(md('```yaml\na: <b>\n```')).toBe('<pre><code class="language-yaml">a: &lt;b&gt;</code></pre>');
    expect(md('```mermaid\nflowchart LR\n```', { code: (lang: string) => (lang === 'mermaid' ? '<figure>svg</figure>' : undefined) })).toBe('<figure>svg</figure>');
  });

  it('renders emphasis, line breaks, rules and block quotes', () => {
    expect(md('**bold** and *em* and ~~gone~~<br>next')).toBe('<p><strong>bold</strong> and <em>em</em> and <del>gone</del><br>next</p>');
    expect(md('---')).toBe('<hr>');
    expect(md('> quoted **text**')).toBe('<blockquote><p>quoted <strong>text</strong></p></blockquote>');
  });

  it('shows alt text instead of an image the site cannot serve', () => {
    expect(md('![diagram](https://example.com/x.png)', { image: () => undefined })).toBe('<p><span class="missing-image">[diagram]</span></p>');
  });
});
