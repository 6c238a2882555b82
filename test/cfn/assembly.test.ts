/**
 * CDK cloud assemblies: a hand-made `cdk.out` with a nested stack and a Stage sub-assembly, and
 * assemblies that are broken or try to read outside their directory.
 */
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateSet } from '../../src/cfn/read/index.js';
import { resolveValue } from '../../src/cfn/resolve.js';
import { expectProblem, FIXTURES, locate, tempDir } from './helpers.js';

const ASSEMBLY = path.join(FIXTURES, 'assembly');
const NESTED = 'Shop/DataNestedStackDataNestedStackResource1A2B3C4D';

/** A private copy of the fixture assembly to break. */
async function copyAssembly(): Promise<string> {
  const dir = path.join(await tempDir(), 'cdk.out');
  await cp(ASSEMBLY, dir, { recursive: true });
  return dir;
}

async function editJson(file: string, edit: (json: any) => void): Promise<string> {
  const json = JSON.parse(await readFile(file, 'utf8'));
  edit(json);
  const text = JSON.stringify(json, null, 1);
  await writeFile(file, text);
  return text;
}

describe('a cloud assembly with a nested stack and a Stage', () => {
  it('lists top-level stacks, nested stacks after their parent, and the Stage stacks', async () => {
    const set = await readTemplateSet(ASSEMBLY);
    expect(set.source).toBe(path.relative(process.cwd(), ASSEMBLY));
    expect(set.stacks.map((s) => [s.path, path.basename(s.file), s.resources.length])).toEqual([
      ['Shop', 'Shop.template.json', 2],
      [NESTED, 'ShopDataABCDEF12.nested.template.json', 3],
      ['Prod/Api', 'ProdApi1F2E3D4C.template.json', 2],
    ]);
    expect(set.stacks[1]!.resources.every((r) => r.stackPath === NESTED)).toBe(true);
    expect(set.stacks[2]!.resources[1]!.dependsOn).toEqual(['Queue4A7E3555']);
  });

  it('warns about the resource type archgen does not know, in the nested stack', async () => {
    const set = await readTemplateSet(ASSEMBLY);
    const nested = await readFile(path.join(ASSEMBLY, 'ShopDataABCDEF12.nested.template.json'), 'utf8');
    expect(set.warnings).toEqual([{
      rule: 'cfn/unknown-resource-type',
      message: `archgen does not know the resource type Acme::Widgets::Gadget (${NESTED}/Gadget); it is read but not compared`,
      position: { file: path.relative(process.cwd(), path.join(ASSEMBLY, 'ShopDataABCDEF12.nested.template.json')), ...locate(nested, '"Gadget"') },
    }]);
  });

  it('follows nested-stack parameters back to what the parent passes', async () => {
    const set = await readTemplateSet(ASSEMBLY);
    const nested = set.stacks[1]!;
    const [sg, logs] = nested.resources;
    expect(resolveValue(sg!.properties.VpcId!, nested, set)).toEqual({ kind: 'ref', logicalId: 'Vpc8378EB38', stackPath: 'Shop' });
    expect(resolveValue(logs!.properties.RetentionInDays!, nested, set)).toEqual({ kind: 'literal', value: '30' });
  });
});

describe('a broken or hostile assembly', () => {
  it('a directory without manifest.json', async () => {
    const problem = await expectProblem(readTemplateSet(await tempDir()), 'cfn/assembly-manifest-missing', 1, 1);
    expect(problem.hint).toMatch(/cdk synth/);
  });

  it('a manifest that is not JSON, at its position', async () => {
    const dir = await copyAssembly();
    const text = '{\n  "version": "55.0.0",\n  "artifacts": {,}\n}\n';
    await writeFile(path.join(dir, 'manifest.json'), text);
    const error = await expectProblem(readTemplateSet(dir), 'cfn/json-syntax', 3, 17);
    expect(error.file).toMatch(/cdk\.out\/manifest\.json$/);
  });

  it('a stack artifact without a template file', async () => {
    const dir = await copyAssembly();
    const text = await editJson(path.join(dir, 'manifest.json'), (m) => delete m.artifacts.Shop.properties.templateFile);
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-manifest-invalid', locate(text, '"properties"', 1).line, locate(text, '"properties"', 1).col);
  });

  it('a template file that is missing', async () => {
    const dir = await copyAssembly();
    await rm(path.join(dir, 'Shop.template.json'));
    const text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
    const problem = await expectProblem(readTemplateSet(dir), 'cfn/assembly-file-missing', locate(text, '"templateFile"').line, locate(text, '"templateFile"').col);
    expect(problem.message).toContain('Shop.template.json');
  });

  it('a template path escaping the assembly', async () => {
    const dir = await copyAssembly();
    await writeFile(path.join(dir, '..', 'outside.json'), '{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}}');
    const text = await editJson(path.join(dir, 'manifest.json'), (m) => (m.artifacts.Shop.properties.templateFile = '../outside.json'));
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-path-escape', locate(text, '"templateFile"').line, locate(text, '"templateFile"').col);
    const absolute = await editJson(path.join(dir, 'manifest.json'), (m) => (m.artifacts.Shop.properties.templateFile = '/etc/passwd'));
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-path-escape', locate(absolute, '"templateFile"').line, locate(absolute, '"templateFile"').col);
  });

  it('a symbolic link leading outside the assembly', async () => {
    const dir = await copyAssembly();
    await writeFile(path.join(dir, '..', 'outside.json'), '{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}}');
    await rm(path.join(dir, 'Shop.template.json'));
    await symlink(path.join(dir, '..', 'outside.json'), path.join(dir, 'Shop.template.json'));
    const text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
    const problem = await expectProblem(readTemplateSet(dir), 'cfn/assembly-path-escape', locate(text, '"templateFile"').line, locate(text, '"templateFile"').col);
    expect(problem.message).toMatch(/links outside/);
  });

  it('a nested stack whose template is missing or outside', async () => {
    const dir = await copyAssembly();
    await rm(path.join(dir, 'ShopDataABCDEF12.nested.template.json'));
    const text = await readFile(path.join(dir, 'Shop.template.json'), 'utf8');
    const at = locate(text, '"aws:asset:path"');
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-file-missing', at.line, at.col);
    const edited = await editJson(path.join(dir, 'Shop.template.json'), (t) => (t.Resources.DataNestedStackDataNestedStackResource1A2B3C4D.Metadata['aws:asset:path'] = '../../etc/x.json'));
    const escaped = locate(edited, '"aws:asset:path"');
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-path-escape', escaped.line, escaped.col);
  });

  it('a nested assembly directory without a manifest', async () => {
    const dir = await copyAssembly();
    await rm(path.join(dir, 'assembly-Prod', 'manifest.json'));
    const text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
    const at = locate(text, '"directoryName"');
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-manifest-missing', at.line, at.col);
  });

  it('a file of the assembly passed instead of its directory', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'cdk.out'), '{"version":"55.0.0"}');
    for (const file of [path.join(ASSEMBLY, 'manifest.json'), path.join(dir, 'cdk.out')]) {
      const problem = await expectProblem(readTemplateSet(file), 'cfn/no-resources', 1, 1);
      expect(problem.hint).toMatch(/pass the directory/);
    }
  });

  it('an assembly without stacks', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'manifest.json'), '{"version": "55.0.0", "artifacts": {"Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}}');
    await expectProblem(readTemplateSet(dir), 'cfn/assembly-no-stacks', 1, 1);
  });

  it('an invalid template inside the assembly is reported in that template', async () => {
    const dir = await copyAssembly();
    const file = path.join(dir, 'assembly-Prod', 'ProdApi1F2E3D4C.template.json');
    const text = (await readFile(file, 'utf8')).replace('"DependsOn": ["Queue4A7E3555"]', '"DependsOn": ["Queue"]');
    await writeFile(file, text);
    const problem = await expectProblem(readTemplateSet(dir), 'cfn/unknown-reference', locate(text, '"Queue"').line, locate(text, '"Queue"').col);
    expect(problem.file).toMatch(/assembly-Prod\/ProdApi1F2E3D4C\.template\.json$/);
    expect(problem.hint).toBe('did you mean "Queue4A7E3555"?');
  });
});

describe('nested stacks beside a lone template', () => {
  it('reads a local TemplateURL and warns about a missing one', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'nested'));
    await writeFile(path.join(dir, 'nested', 'db.yaml'), 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n');
    const parent = 'Resources:\n  Db:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: nested/db.yaml\n  Gone:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: nested/gone.yaml\n  Remote:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://s3.amazonaws.com/b/k.yaml\n';
    await writeFile(path.join(dir, 'main.yaml'), parent);
    const set = await readTemplateSet(path.join(dir, 'main.yaml'));
    expect(set.stacks.map((s) => s.path)).toEqual(['main', 'main/Db']);
    expect(set.warnings).toMatchObject([
      { rule: 'cfn/nested-template-missing', position: locate(parent, 'TemplateURL', 1) },
      { rule: 'cfn/nested-template-missing', position: locate(parent, 'Remote') },
    ]);
  });

  it('does not read a nested template outside the template\'s directory', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'app'));
    await writeFile(path.join(dir, 'secret.yaml'), 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n');
    const text = 'Resources:\n  Up:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../secret.yaml\n';
    await writeFile(path.join(dir, 'app', 'main.yaml'), text);
    const set = await readTemplateSet(path.join(dir, 'app', 'main.yaml'));
    expect(set.stacks.map((s) => s.path)).toEqual(['main']);
    expect(set.warnings).toMatchObject([{ rule: 'cfn/nested-template-outside', position: locate(text, 'TemplateURL') }]);
  });

  it('refuses nested stacks that multiply without end', async () => {
    const dir = await tempDir();
    const fanOut = (next: string) => `Resources:\n${Array.from({ length: 10 }, (_, i) => `  N${i}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${next}\n`).join('')}`;
    await writeFile(path.join(dir, 'a.yaml'), fanOut('b.yaml'));
    await writeFile(path.join(dir, 'b.yaml'), fanOut('c.yaml'));
    await writeFile(path.join(dir, 'c.yaml'), fanOut('d.yaml'));
    await writeFile(path.join(dir, 'd.yaml'), 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n');
    const error = await readTemplateSet(path.join(dir, 'a.yaml')).catch((e: unknown) => e);
    expect((error as { diagnostics: { rule: string }[] }).diagnostics).toMatchObject([{ rule: 'cfn/too-many-stacks' }]);
  });

  it('refuses a nested stack that contains itself', async () => {
    const dir = await tempDir();
    const text = 'Resources:\n  Me:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./main.yaml\n';
    await writeFile(path.join(dir, 'main.yaml'), text);
    await expectProblem(readTemplateSet(path.join(dir, 'main.yaml')), 'cfn/circular-nested-stack', 5, 7);
  });
});
