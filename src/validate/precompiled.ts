/**
 * Compiling the model schema with ajv takes seconds (hundreds of `text` refs and per-type
 * branches), which every CLI start would pay. `npm run build` therefore writes the compiled
 * validator as standalone code to `dist/validate/model-validator.cjs`; at run time it is used
 * when its schema hash matches the current schema, and the schema is compiled otherwise.
 * The ajv compiler (~90 modules, ~100 ms to load) is required only on that fallback and at build
 * time; the standalone validator needs just two small ajv runtime helpers.
 */
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { architectureSchema } from '../model/schema.js';

/** `verbose` gives each error its schema and parent schema, which the messages quote. */
const OPTIONS: Options = { allErrors: true, strict: false, verbose: true, inlineRefs: false };

/** Where the build puts the standalone validator (the same path from `src/` and `dist/`). */
export const PRECOMPILED_PATH = fileURLToPath(new URL('../../dist/validate/model-validator.cjs', import.meta.url));
/**
 * V8's code cache of the validator after one validation, written by the build: the validator is
 * half a megabyte of code, and compiling the functions a first validation needs cost more than
 * the validation itself. A cache from another V8 version is rejected by V8 and simply unused.
 */
export const CODE_CACHE_PATH = `${PRECOMPILED_PATH.replace(/\.cjs$/, '')}.v8cache`;

export function schemaHash(): string {
  return createHash('sha256').update(JSON.stringify(architectureSchema())).digest('hex');
}

const require = createRequire(import.meta.url);

function newAjv(source: boolean): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as { default?: unknown };
  const ajv = new AjvClass({ ...OPTIONS, code: { source } });
  ((addFormats.default ?? addFormats) as (ajv: Ajv2020) => void)(ajv);
  return ajv;
}

export function compileValidator(): ValidateFunction {
  return newAjv(false).compile(architectureSchema());
}

/** Standalone CommonJS source of the validator, tagged with the schema hash. */
export function standaloneValidatorSource(): string {
  const ajv = newAjv(true);
  const validate = ajv.compile(architectureSchema());
  const standaloneModule = require('ajv/dist/standalone/index.js') as { default?: unknown };
  const toCode = (standaloneModule.default ?? standaloneModule) as (ajv: Ajv2020, fn: ValidateFunction) => string;
  return `${toCode(ajv, validate)}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash())};\n`;
}

/** Compiles the standalone validator as CommonJS would, with V8's code cache when given. */
export function compileStandalone(cachedData?: Buffer): { validate: ValidateFunction & { schemaHash?: string }; script: Script } {
  const source = readFileSync(PRECOMPILED_PATH, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: PRECOMPILED_PATH, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(PRECOMPILED_PATH), module, PRECOMPILED_PATH, path.dirname(PRECOMPILED_PATH));
  return { validate: module.exports as ValidateFunction & { schemaHash?: string }, script };
}

/** The precompiled validator when it is present and current, else undefined. */
export function loadPrecompiledValidator(): ValidateFunction | undefined {
  if (!existsSync(PRECOMPILED_PATH)) return undefined;
  try {
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(CODE_CACHE_PATH);
    } catch {
      // No code cache (built without `npm run build`): compile from source.
    }
    const { validate } = compileStandalone(cachedData);
    return validate.schemaHash === schemaHash() ? validate : undefined;
  } catch {
    return undefined;
  }
}
