/**
 * Hostile model text end to end: the generated app type-checks under strict, synthesizes
 * (an injected `process.exit` would fail it), and the text round-trips as data.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFeatureFlags, loadPinnedVersions, loadScaffoldTemplates } from '../../src/scaffold/inputs.js';
import { scaffoldApp } from '../../src/scaffold/scaffold.js';
import { writeScaffold } from '../../src/scaffold/write.js';
import { bin, inApp, resourcesOf, synthesize, tempAppDir, type Synthesized } from './helpers.js';
import { EVIL, hostileModel } from './hostile.js';

let appDir: string;
let app: Synthesized;

beforeAll(async () => {
  const model = await hostileModel();
  const result = scaffoldApp(model, { environment: 'prod', templates: await loadScaffoldTemplates(), versions: await loadPinnedVersions(), featureFlags: loadFeatureFlags() });
  appDir = await tempAppDir('hostile');
  await writeScaffold(appDir, result.files, false);
  app = await synthesize(appDir, result.appFile, result.stackName);
}, 300_000);

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

describe('scaffold of a model with hostile names and descriptions', () => {
  it('compiles with tsc --noEmit under strict', async () => {
    await expect(inApp(appDir, bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])).resolves.toBeDefined();
  }, 300_000);

  it('synthesizes, carrying the text as data', () => {
    const [task] = resourcesOf(app, 'AWS::ECS::TaskDefinition');
    expect(task!.props.ContainerDefinitions[0].Environment).toEqual(expect.arrayContaining([{ Name: 'GREETING', Value: EVIL }]));
    const descriptions = resourcesOf(app, 'AWS::EC2::SecurityGroup').map((g) => g.props.GroupDescription as string);
    for (const d of descriptions) expect(d).toMatch(/^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]+$/);
    const alarm = resourcesOf(app, 'AWS::CloudWatch::Alarm').find((a) => String(a.props.AlarmName).endsWith('-high-cpu'))!;
    expect(alarm.props.AlarmDescription).toContain('process.exit(7)');
    expect(alarm.props.AlarmDescription).not.toMatch(/[\n\u2028]/);
  });
});
