/**
 * Everything the CLI prints goes through here: colour only on a TTY without NO_COLOR,
 * `--quiet` silences progress and summaries, `--format json` prints one JSON document.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface GlobalOptions {
  readonly root: string;
  readonly quiet: boolean;
  readonly format: 'text' | 'json';
  readonly color: boolean;
}

export interface Printer {
  readonly options: GlobalOptions;
  out(line?: string): void;
  err(line?: string): void;
  json(value: unknown): void;
  diagnostics(list: readonly Diagnostic[]): void;
  progress(message: string): void;
  endProgress(): void;
  paint: Paint;
}

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  cyan(text: string): string;
}

export const colorEnabled = (stream: NodeJS.WriteStream, wanted: boolean): boolean =>
  wanted && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && Boolean(stream.isTTY) && process.env.TERM !== 'dumb';

function makePaint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}

export function createPrinter(options: GlobalOptions, stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Printer {
  const paint = makePaint(colorEnabled(stdout, options.color));
  const errPaint = makePaint(colorEnabled(stderr, options.color));
  const interactive = Boolean(stderr.isTTY) && !options.quiet && options.format === 'text';
  let progressShown = false;
  return {
    options,
    paint,
    out: (line = '') => void stdout.write(`${line}\n`),
    err: (line = '') => void stderr.write(`${line}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    diagnostics(list) {
      for (const d of list) {
        const [head, ...rest] = formatDiagnostic(d).split('\n');
        const colour = d.severity === 'error' ? errPaint.red : errPaint.yellow;
        stderr.write(`${colour(head!)}\n${rest.map((line) => `${errPaint.dim(line)}\n`).join('')}`);
      }
    },
    progress(message) {
      if (!interactive) return;
      stderr.write(`\r\u001b[2K${errPaint.dim(message)}`);
      progressShown = true;
    },
    endProgress() {
      if (progressShown) stderr.write('\r\u001b[2K');
      progressShown = false;
    },
  };
}
