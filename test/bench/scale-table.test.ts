/** The scale benchmark's report: medians, multiples of the unit, growth between sizes, failures. */
import { describe, expect, it } from 'vitest';
import { median, scaleMarkdown, type Measurement, type ScaleRow } from '../../src/bench/scale-table.js';

const m = (...runs: number[]): Measurement => ({ runs, median: median(runs) });
const row = (components: number, cells: ScaleRow['cells']): ScaleRow => ({ label: `synthetic-${components}`, components, yamlKiB: components / 2, cells });

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('scaleMarkdown', () => {
  const unit = m(100, 90, 110);
  const text = scaleMarkdown({
    unit,
    columns: ['validate', 'generate'],
    seed: [{ label: 'seed', components: 12, yamlKiB: 20, cells: { validate: m(250, 260, 240), generate: m(2000) } }],
    sizes: [
      row(1000, { validate: m(1000, 1100, 900), generate: m(2000, 2100, 1900) }),
      row(5000, { validate: m(5500, 5400, 5600), generate: { runs: [150_000], median: 150_000, failure: 'timeout > 150 s' } }),
    ],
    notes: ['a note'],
  });

  it('prints each median with its multiple of the unit and the number of runs', () => {
    expect(text).toContain('| seed | 12 | 20 KiB | 250 ms (2.5×) n=3 | 2000 ms (20.0×) n=1 |');
    expect(text).toContain('| synthetic-1000 | 1000 | 500 KiB | 1000 ms (10.0×) n=3 | 2000 ms (20.0×) n=3 |');
  });

  it('marks failures instead of timing them, and leaves their growth out', () => {
    expect(text).toContain('✗ timeout > 150 s');
    expect(text).toContain('| 5000/1000 | 5× | 5.50× | – |');
    expect(text).toContain('5000/1000 explicitly (issue 11 target: ≤ 6×): validate 5.50×, generate –.');
  });

  it('states the unit and the notes', () => {
    expect(text).toMatch(/median 100 ms of 3 runs/);
    expect(text).toContain('- a note');
  });
});
