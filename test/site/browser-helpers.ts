/**
 * Opens site pages in real headless Chromium with every request that is not a local file
 * refused and recorded, and collects console errors and page errors.
 */
import type { Browser, Page } from 'puppeteer-core';

export interface OpenedPage {
  readonly page: Page;
  /** Requests that were not file:// (refused). */
  readonly external: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

export async function openPage(browser: Browser, url: string, allowedPrefixes: readonly string[] = ['file://']): Promise<OpenedPage> {
  const page = await browser.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const target = request.url();
    if (allowedPrefixes.some((prefix) => target.startsWith(prefix)) || target.startsWith('data:') || target.startsWith('blob:')) void request.continue();
    else {
      external.push(target);
      void request.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => {
    if (!external.includes(request.url())) errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, external, errors };
}
