/**
 * Property: generation is a pure function of the model — two runs in this process, and one in
 * a child process under another time zone and locale, give byte-identical file sets.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomModel } from './arbitraries/model.js';
import { generateAll, loadRandom, params, ROOT, tempProjectWith } from './helpers.js';

const run = promisify(execFile);

/** path → sha256 of the content, the form the child process reports. */
const digest = (files: ReadonlyMap<string, string>): Record<string, string> =>
  Object.fromEntries([...files].map(([p, text]) => [p, createHash('sha256').update(text).digest('hex')]));

describe('property: generation is deterministic', () => {
  it('two runs over the same model give the same paths and bytes', async () => {
    await fc.assert(fc.asyncProperty(randomModel(), async (m) => {
      const first = await generateAll(loadRandom(m));
      const second = await generateAll(loadRandom(m));
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [file, text] of first) expect(second.get(file) === text, file).toBe(true);
    }), params(3));
  });

  it('a child process in TZ=Asia/Seoul with a Korean locale gives the same bytes', async () => {
    await fc.assert(fc.asyncProperty(randomModel(), async (m) => {
      const here = digest(await generateAll(loadRandom(m)));
      const project = await tempProjectWith(m);
      try {
        const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'test/property/generate-digest.ts'), project.root, path.join(project.root, 'model', `${m.id}.yaml`)], {
          env: { ...process.env, TZ: 'Asia/Seoul', LANG: 'ko_KR.UTF-8', LC_ALL: 'ko_KR.UTF-8' },
          maxBuffer: 16 * 1024 * 1024,
        });
        expect(JSON.parse(stdout)).toEqual(here);
      } finally {
        await project.dispose();
      }
    }), params(2));
  });
});
