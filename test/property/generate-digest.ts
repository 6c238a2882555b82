/**
 * Child-process half of the determinism property: loads one model file, runs every generator
 * with the inputs of the given project root and prints path → sha256 as JSON.
 * Usage: tsx test/property/generate-digest.ts <root> <model.yaml>
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generators } from '../../src/generators/index.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import { generateFiles } from '../../src/pipeline/generate.js';
import { loadInputs } from '../../src/pipeline/project.js';

const [root, file] = process.argv.slice(2) as [string, string];
const result = loadModelFromBytes(`model/${path.basename(file)}`, await readFile(file));
if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
const files = await generateFiles([result.model], [result.model], await loadInputs(root, generators));
const out: Record<string, string> = {};
for (const p of files.paths()) out[p] = createHash('sha256').update(files.get(p)!).digest('hex');
process.stdout.write(JSON.stringify(out));
