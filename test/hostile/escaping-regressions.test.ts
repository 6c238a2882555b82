/**
 * Escaping bugs the hostile corpus found, pinned at the unit that had them: the Markdown → HTML
 * converter behind the HTML documents and the site.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/docs/escape.js';
import { markdownToHtml } from '../../src/site/markdown.js';

/** What a browser shows for an HTML fragment's text (tags dropped, the five entities decoded). */
const shown = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
const roundTrip = (text: string) => markdownToHtml(escapeMarkdown(text)).html;

describe('model text through escapeMarkdown and the Markdown → HTML converter shows literally', () => {
  it('entity-like text (`&amp;`, `&#60;`) is not escaped twice', () => {
    expect(shown(roundTrip('a & &amp; &#60; b'))).toBe('a & &amp; &#60; b');
  });

  it('backticks are text, not code spans, and leave no backslashes', () => {
    const html = roundTrip('`tick` ``double`` ```triple```');
    expect(html).not.toContain('<code>');
    expect(shown(html)).toBe('`tick` ``double`` ```triple```');
  });

  it('`<!--` in one label and `-->` in a later one hide nothing between them', () => {
    const md = `${escapeMarkdown('<!-- opened')}\n\nkept in between\n\n${escapeMarkdown('closed -->')}`;
    const text = shown(markdownToHtml(md).html);
    expect(text).toContain('<!-- opened');
    expect(text).toContain('kept in between');
    expect(text).toContain('closed -->');
  });

  it('a real comment block at a line start is still dropped, and code spans keep backslashes', () => {
    const { html } = markdownToHtml('<!-- editor note -->\ntext `a\\` b');
    expect(html).not.toContain('editor note');
    expect(html).toContain('<code>a\\</code>');
  });
});
