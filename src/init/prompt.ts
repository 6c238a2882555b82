/** Interactive questions for `archgen init` on a terminal (node:readline), defaults in brackets. */
import { createInterface } from 'node:readline/promises';
import { DEFAULTS, slugOf } from './options.js';

export interface Answers {
  name?: string;
  region?: string;
  azs?: string;
  out?: string;
}

/** Asks for every option not given on the command line; an empty answer takes the default. */
export async function askMissing(given: Answers, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<Answers> {
  const rl = createInterface({ input, output, terminal: (output as NodeJS.WriteStream).isTTY === true });
  try {
    const ask = async (question: string, fallback: string) => (await rl.question(`${question} [${fallback}]: `)).trim() || fallback;
    const name = given.name ?? (await ask('System name', DEFAULTS.name));
    const region = given.region ?? (await ask('AWS region', DEFAULTS.region));
    const azs = given.azs ?? (await ask('Availability zones (1-3)', String(DEFAULTS.azs)));
    const out = given.out ?? (await ask('Model file', `model/${slugOf(name)}.yaml`));
    return { name, region, azs, out };
  } finally {
    rl.close();
  }
}
