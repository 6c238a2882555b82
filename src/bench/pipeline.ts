import path from 'node:path';
import { loadModelFile } from '../load/load-model.js';
import { generateFiles } from '../pipeline/generate.js';
import { loadInputs } from '../pipeline/project.js';
import { generators } from '../generators/index.js';
import { timeMedian, type Benchmark } from './types.js';

/** Load + validate the seed model, and run every generator over it in memory. */
export const pipelineBenchmark: Benchmark = {
  name: 'pipeline',
  async run() {
    const root = process.cwd();
    const file = path.join(root, 'model/point-system.yaml');
    const loadMs = await timeMedian(10, () => loadModelFile(file, root));
    const { model } = await loadModelFile(file, root);
    const inputs = await loadInputs(root, generators);
    let count = 0;
    const generateMs = await timeMedian(3, async () => {
      count = (await generateFiles([model!], [model!], inputs)).size;
    });
    return [
      { name: 'load + validate seed model', ms: loadMs },
      { name: 'all generators, seed model (in memory)', ms: generateMs, notes: [`${count} files`] },
    ];
  },
};
