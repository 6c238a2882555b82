/** The one place benchmarks are plugged in. */
import { cfnBenchmark } from './cfn.js';
import { costBenchmark } from './cost.js';
import { docsBenchmark } from './docs.js';
import { drawioBenchmark } from './drawio.js';
import { importBenchmark } from './import.js';
import { driftBenchmark } from './drift.js';
import { mermaidBenchmark } from './mermaid.js';
import { perGeneratorBenchmark } from './per-generator.js';
import { pipelineBenchmark } from './pipeline.js';
import { scaleBenchmark } from './scale.js';
import { scaffoldBenchmark } from './scaffold.js';
import { securityBenchmark } from './security.js';
import { siteBenchmark } from './site.js';
import type { Benchmark } from './types.js';

export const benchmarks: readonly Benchmark[] = [
  pipelineBenchmark,
  mermaidBenchmark,
  drawioBenchmark,
  costBenchmark,
  securityBenchmark,
  siteBenchmark,
  scaffoldBenchmark,
  docsBenchmark,
  importBenchmark,
  cfnBenchmark,
  driftBenchmark,
  scaleBenchmark,
  perGeneratorBenchmark,
];
