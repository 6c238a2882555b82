/** Plain-text trimming for large blocks (whole Mermaid diagrams): a scan from the ends, no regex over the block. */

const NEWLINE = 0x0a;

/** `text` without the newlines at its end (what `text.replace(/\n+$/, '')` gives). */
export function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === NEWLINE) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the newlines at its start and end (what `text.replace(/^\n+|\n+$/g, '')` gives). */
export function trimNewlines(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) === NEWLINE) start++;
  return trimTrailingNewlines(start === 0 ? text : text.slice(start));
}
