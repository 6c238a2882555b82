/**
 * Property: `archgen check` is clean right after `archgen generate`, in a fresh project holding
 * one random model (the real CLI, in-process, with `--root`). `check` also holds the rendered
 * images to their sources, so a project that never ran `archgen render` is reported as
 * "not rendered": the cheap property allows exactly that finding, and one run renders too and
 * then expects exit 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomModel, type RandomModel } from './arbitraries/model.js';
import { loadRandom, params, runCliCaptured, tempProjectWith } from './helpers.js';

interface CheckReport {
  drift: boolean;
  changed: string[];
  missing: string[];
  stale: string[];
  renders: { model: string; stale: string[]; unrendered: string[]; orphaned: string[] }[];
  unchanged: number;
}

/** Generates into a fresh project, optionally renders, then checks; returns what each step said. */
async function generateThenCheck(m: RandomModel, render: boolean) {
  loadRandom(m);
  const project = await tempProjectWith(m);
  try {
    const cli = (...args: string[]) => runCliCaptured(['--root', project.root, '--format', 'json', ...args]);
    const generated = await cli('generate');
    expect(generated.code, generated.stderr || generated.stdout).toBe(0);
    const written = (JSON.parse(generated.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(written).toContain(`resource/${m.id}.drawio`);
    if (render) {
      const rendered = await cli('render');
      expect(rendered.code, rendered.stderr || rendered.stdout).toBe(0);
    }
    const checked = await cli('check');
    return { written, code: checked.code, report: JSON.parse(checked.stdout) as CheckReport };
  } finally {
    await project.dispose();
  }
}

describe('property: check is clean right after generate', () => {
  it('no generated file drifts; the only finding is that diagrams were never rendered', async () => {
    await fc.assert(fc.asyncProperty(randomModel(), async (m) => {
      const { written, report } = await generateThenCheck(m, false);
      expect({ changed: report.changed, missing: report.missing, stale: report.stale }).toEqual({ changed: [], missing: [], stale: [] });
      expect(report.unchanged).toBe(written.length);
      for (const r of report.renders) {
        expect({ stale: r.stale, orphaned: r.orphaned }).toEqual({ stale: [], orphaned: [] });
        for (const source of r.unrendered) expect(written).toContain(source);
      }
    }), params(3));
  });

  it('after generate and render, check exits 0', async () => {
    await fc.assert(fc.asyncProperty(randomModel(), async (m) => {
      const { code, report } = await generateThenCheck(m, true);
      expect({ code, drift: report.drift, renders: report.renders, changed: report.changed }).toEqual({ code: 0, drift: false, renders: [], changed: [] });
    }), params(1));
  });
});
