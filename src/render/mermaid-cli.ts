/**
 * The `mmdc`-compatible path: one `node_modules/.bin/mmdc` process per diagram (each starts its
 * own Chromium and loads Mermaid again), configured like the fast engine — same Chromium and
 * flags from browser.ts, same Mermaid settings. Used as the benchmark baseline and by anyone who
 * wants mermaid-cli's exact behaviour.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { UserError } from '../diagnostics/diagnostic.js';
import { CHROMIUM_ARGS, chromiumPath } from './browser.js';
import { MERMAID_CONFIG, MermaidSyntaxError } from './mermaid-engine.js';

const run = promisify(execFile);

/** Path of `node_modules/.bin/mmdc` in archgen's installation. */
export function mmdcPath(): string {
  const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.bin', 'mmdc');
  if (!existsSync(script)) throw new UserError('mermaid-cli is not installed (node_modules/.bin/mmdc is missing)');
  return script;
}

export interface MmdcConfig {
  readonly puppeteerConfigFile: string;
  readonly configFile: string;
}

/** Writes mmdc's puppeteer config (Chromium path and flags from browser.ts) and Mermaid config into `dir`. */
export async function writeMmdcConfig(dir: string): Promise<MmdcConfig> {
  await mkdir(dir, { recursive: true });
  const puppeteerConfigFile = path.join(dir, 'puppeteer-config.json');
  const configFile = path.join(dir, 'mermaid-config.json');
  await writeFile(puppeteerConfigFile, JSON.stringify({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS }, null, 2));
  await writeFile(configFile, JSON.stringify(MERMAID_CONFIG, null, 2));
  return { puppeteerConfigFile, configFile };
}

/** Renders one `.mmd` file to `output` (`.svg` or `.png`) with one `mmdc` process. */
export async function renderWithMmdc(input: string, output: string, config: MmdcConfig): Promise<void> {
  try {
    await run(mmdcPath(), ['--quiet', '-i', input, '-o', output, '-p', config.puppeteerConfigFile, '-c', config.configFile], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new MermaidSyntaxError(`${input}: mmdc failed: ${stderr.trim() || (error as Error).message}`);
  }
}
