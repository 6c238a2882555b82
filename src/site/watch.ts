/**
 * `archgen watch`: builds the site, serves it on 127.0.0.1, and rebuilds on every save of the
 * models or templates. Open pages reload after a good build; after a failed one they show the
 * errors (file:line:col, rule id) while the last good build stays on disk.
 */
import { watch as watchFiles, type FSWatcher } from 'chokidar';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UserError } from '../diagnostics/diagnostic.js';
import { launchBrowser } from '../render/browser.js';
import { buildSite, readSiteTemplate, type SiteBuildResult } from './build.js';
import { startLiveServer, type LiveServer } from './server.js';

export interface WatchOptions {
  readonly root: string;
  readonly modelFiles: readonly string[];
  readonly out: string;
  readonly overlays?: Readonly<Record<string, string>>;
  /** 0 picks a free port. */
  readonly port: number;
  /** Called after every build attempt. */
  readonly onBuild?: (event: { ok: true; result: SiteBuildResult; ms: number } | { ok: false; error: unknown; ms: number }) => void;
}

export interface WatchSession {
  readonly server: LiveServer;
  /** Resolves when the build triggered by the latest change has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts watching; the first build has finished (good or not) when this resolves. */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const out = path.resolve(options.root, options.out);
  const server = await startLiveServer(out, options.port, { kind: 'building' }, await readSiteTemplate(options.root, options.overlays ?? {}, 'live.js'));
  const browser: Browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  let counter = 0;
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let building = false;

  const build = async (): Promise<void> => {
    building = true;
    const start = performance.now();
    const buildId = `${Date.now().toString(36)}-${++counter}`;
    try {
      const result = await buildSite({ root: options.root, modelFiles: options.modelFiles, out, overlays: options.overlays ?? {}, live: true, buildId, browser });
      server.publish({ kind: 'ok', build: buildId });
      options.onBuild?.({ ok: true, result, ms: performance.now() - start });
    } catch (error) {
      const diagnostics = error instanceof UserError ? error.diagnostics : [];
      const message = error instanceof Error ? error.message : String(error);
      server.publish({ kind: 'error', message: error instanceof UserError ? `${message}.` : `The site could not be built: ${message}.`, diagnostics });
      options.onBuild?.({ ok: false, error, ms: performance.now() - start });
    } finally {
      building = false;
    }
  };

  const schedule = (): void => {
    if (pending) return;
    pending = true;
    running = running.then(async () => {
      // Let an editor finish its save (write + rename) before reading the file.
      await new Promise((resolve) => setTimeout(resolve, 30));
      pending = false;
      await build();
    });
  };

  await build();
  const targets = [
    ...(options.modelFiles.length ? options.modelFiles.map((f) => path.resolve(options.root, f)) : [path.join(options.root, 'model')]),
    path.join(options.root, 'templates'),
    ...(options.overlays?.['templates/'] ? [path.resolve(options.root, options.overlays['templates/'])] : []),
  ];
  const watcher: FSWatcher = watchFiles(targets, { ignoreInitial: true, ignored: (file) => file.startsWith(out) });
  watcher.on('all', () => schedule());
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    server,
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = running;
        await seen;
      } while (seen !== running || pending || building);
    },
    async close() {
      await watcher.close();
      await running.catch(() => undefined);
      await server.close();
      await browser.close();
    },
  };
}
