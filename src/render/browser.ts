/**
 * One headless Chromium for all rendering (Mermaid, draw.io, site tests). Debian's
 * /usr/bin/chromium by default; `PUPPETEER_EXECUTABLE_PATH` overrides it. Every request that
 * is not to a local file or an allowed origin is refused, so rendering never leaves the machine.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { UserError } from '../diagnostics/diagnostic.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--headless',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const override = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (override) {
    if (!existsSync(override)) throw new UserError(`PUPPETEER_EXECUTABLE_PATH points at ${override}, which does not exist`);
    return override;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new UserError('Chromium is not installed: run `sudo apt-get install -y chromium fonts-noto-cjk`, or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary');
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1600, height: 1200, deviceScaleFactor: 1 },
  });
}
