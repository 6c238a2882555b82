/** Types for marked 4 (it ships none); only what the HTML rendering uses. */
declare module 'marked' {
  export interface MarkedOptions {
    gfm?: boolean;
    breaks?: boolean;
    headerIds?: boolean;
    headerPrefix?: string;
    mangle?: boolean;
  }
  export const marked: {
    parse(markdown: string, options?: MarkedOptions): string;
  };
}
