/**
 * Build step (`npm run build`): writes the standalone schema validator next to the compiled code,
 * then V8's code cache of it after validating the seed model once (see CODE_CACHE_PATH).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { writeAtomic } from '../output/write.js';
import { CODE_CACHE_PATH, compileStandalone, PRECOMPILED_PATH, standaloneValidatorSource } from './precompiled.js';

await writeAtomic(PRECOMPILED_PATH, standaloneValidatorSource());
const { validate, script } = compileStandalone();
// A real model exercises the validator's common paths, so their compiled code lands in the cache.
const seed = await readFile(fileURLToPath(new URL('../../model/point-system.yaml', import.meta.url)), 'utf8').catch(() => undefined);
validate(seed === undefined ? {} : parse(seed));
await writeAtomic(CODE_CACHE_PATH, script.createCachedData());
