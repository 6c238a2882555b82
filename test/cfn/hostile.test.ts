/**
 * Broken and hostile templates: each is refused with a `UserError` naming the rule and the
 * line and column of the cause (positions computed from the text, not copied from the output).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateSet } from '../../src/cfn/read/index.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import { expectProblem, locate, tempDir, tempFile } from './helpers.js';

/** Reads `text` as a template named `name`; expects `rule` at the `nth` occurrence of `needle`. */
async function expectAt(name: string, text: string, rule: string, needle: string, nth = 0) {
  const { line, col } = locate(text, needle, nth);
  return expectProblem(readTemplateSet(await tempFile(name, text)), rule, line, col);
}

const topic = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n';

describe('size, encoding and documents', () => {
  it('refuses a template over the limit, saying how big it is', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'huge.json');
    const filler = `"${'x'.repeat(1024 * 1024 - 16)}"`;
    await writeFile(file, `{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}, "Metadata": [${Array(11).fill(filler).join(',')}]}`);
    const problem = await expectProblem(readTemplateSet(file), 'cfn/too-large', 1, 1);
    expect(problem.message).toMatch(/11\.0 MiB, over the 10\.0 MiB limit/);
  });

  it('applies a smaller limit when asked', async () => {
    const file = await tempFile('t.yaml', `${topic}Description: ${'x'.repeat(2000)}\n`);
    const problem = await expectProblem(readTemplateSet(file, { maxBytes: 1000 }), 'cfn/too-large', 1, 1);
    expect(problem.message).toMatch(/2\.0 KiB, over the 1000 bytes limit/);
  });

  it('refuses bytes that are not UTF-8 at their position', async () => {
    const prefix = 'Resources:\n  Topic:\n    Type: AWS::SNS::';
    const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('\n')]);
    const problem = await expectProblem(readTemplateSet(await tempFile('t.yaml', bytes)), 'cfn/encoding', 3, 'AWS::SNS::'.length + 11);
    expect(problem.message).toContain(`0xff at offset ${prefix.length}`);
  });

  it('refuses a binary file (a PNG named .json)', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectProblem(readTemplateSet(await tempFile('t.json', png)), 'cfn/encoding', 1, 1);
  });

  it('refuses NUL characters', async () => {
    await expectAt('t.yaml', `${topic}Description: a\u0000b\n`, 'cfn/encoding', '\u0000');
  });

  it('refuses empty files and files of only comments', async () => {
    await expectProblem(readTemplateSet(await tempFile('t.yaml', '')), 'cfn/empty', 1, 1);
    await expectProblem(readTemplateSet(await tempFile('t.json', '  \n\n')), 'cfn/empty', 1, 1);
    await expectProblem(readTemplateSet(await tempFile('t.yaml', '# nothing here\n# yet\n')), 'cfn/empty', 1, 1);
  });

  it('refuses several YAML documents, at the second one', async () => {
    await expectAt('t.yaml', `${topic}---\n${topic}`, 'cfn/multi-document', '---');
  });

  it('names a missing file', async () => {
    await expectProblem(readTemplateSet(path.join(await tempDir(), 'nope.yaml')), 'cfn/unreadable', 1, 1);
  });
});

describe('syntax', () => {
  it('JSON: a trailing comma, at the character', async () => {
    const text = '{\n  "Resources": {\n    "Topic": { "Type": "AWS::SNS::Topic", }\n  }\n}\n';
    const problem = await expectAt('t.json', text, 'cfn/json-syntax', '}');
    expect(problem.message).toMatch(/quoted/);
  });

  it('JSON: a missing comma between members', async () => {
    const text = '{\n  "Resources": {\n    "Topic": { "Type": "AWS::SNS::Topic" }\n    "Queue": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
    await expectAt('t.json', text, 'cfn/json-syntax', '"Queue"');
  });

  it('JSON: a cut-off file', async () => {
    const text = '{\n  "Resources": {\n    "Topic": { "Type": "AWS::SNS::To';
    await expectAt('t.json', text, 'cfn/json-syntax', '"AWS::SNS::To');
  });

  it('JSON: text after the template', async () => {
    const text = '{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}}\n{"more": 1}\n';
    await expectAt('t.json', text, 'cfn/json-syntax', '{"more"');
  });

  it('JSON is recognised by content whatever the extension', async () => {
    await expectAt('t.template', '{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}, oops}', 'cfn/json-syntax', 'oops');
  });

  it('YAML: bad indentation', async () => {
    const text = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n   Properties: {}\n';
    const problem = await expectProblem(readTemplateSet(await tempFile('t.yaml', text)), 'cfn/yaml-syntax', 4, 4);
    expect(problem.hint).toMatch(/indentation/);
  });

  it('YAML: a tab in the indentation is named as such', async () => {
    const problem = await expectAt('t.yaml', 'Resources:\n\tTopic:\n    Type: AWS::SNS::Topic\n', 'cfn/yaml-syntax', '\t');
    expect(problem.message).toMatch(/tab/);
  });

  it('YAML: an unclosed flow sequence, at the end of the file where `]` is missing', async () => {
    const text = `${topic}    Properties:\n      Tags: [a, b\n`;
    const problem = await expectProblem(readTemplateSet(await tempFile('t.yaml', text)), 'cfn/yaml-syntax', text.split('\n').length, 1);
    expect(problem.message).toMatch(/end with a \]/);
  });

  it('duplicate keys are errors at the second key, in YAML and JSON', async () => {
    const yaml = `${topic}    Properties:\n      TopicName: a\n      TopicName: b\n`;
    const problem = await expectAt('t.yaml', yaml, 'cfn/duplicate-key', 'TopicName', 1);
    expect(problem.message).toMatch(/"TopicName"/);
    const json = '{"Resources": {\n  "Topic": {"Type": "AWS::SNS::Topic"},\n  "Topic": {"Type": "AWS::SQS::Queue"}\n}}';
    const jsonProblem = await expectAt('t.json', json, 'cfn/duplicate-key', '"Topic"', 1);
    expect(jsonProblem.message).toMatch(/"Topic"/);
  });

  it('an unknown tag is an error at the tag, with a suggestion', async () => {
    const problem = await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: !Reff Other\n`, 'cfn/unknown-tag', '!Reff');
    expect(problem.hint).toBe('did you mean !Ref?');
    await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: !!binary aGVsbG8=\n`, 'cfn/unknown-tag', '!!binary');
  });

  it('stacked short forms are explained', async () => {
    const problem = await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: !ImportValue !Sub '\${AWS::StackName}-x'\n`, 'cfn/yaml-syntax', "!Sub '");
    expect(problem.hint).toMatch(/long form/);
  });
});

describe('limits on nesting and aliases', () => {
  it('refuses absurdly deep JSON at the level that goes too deep, without a stack overflow', async () => {
    const depth = 100_000;
    const text = `{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Metadata": {"x": ${'['.repeat(depth)}${']'.repeat(depth)}}}}}`;
    // The root object, Resources, T and Metadata are four levels: the 61st `[` is the 65th.
    const problem = await expectAt('t.json', text, 'cfn/too-deep', '[', 60);
    expect(problem.message).toMatch(/more than 64 levels/);
  });

  it('refuses absurdly deep YAML, flow and block style', async () => {
    // Deep enough to exhaust the parser's stack: the 65th bracket is named.
    const depth = 20_000;
    const flow = `${topic}    Metadata:\n      x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    await expectAt('t.yaml', flow, 'cfn/too-deep', '[', 64);
    // Parsed fine, refused while converting: Resources, Topic and Metadata hold three levels, so the 62nd `[` is the 65th.
    const shallow = `${topic}    Metadata:\n      x: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    await expectAt('t.yaml', shallow, 'cfn/too-deep', '[', 61);
    let block = `${topic}    Metadata:\n`;
    for (let i = 0; i < 100; i++) block += `${' '.repeat(6 + 2 * i)}k${i}:\n`;
    block += `${' '.repeat(206)}end\n`;
    await expectAt('t.yaml', block, 'cfn/too-deep', 'k62:');
  });

  it('refuses an alias bomb', async () => {
    let text = `${topic}    Metadata:\n      a: &a [x, x, x, x, x, x, x, x, x, x]\n`;
    for (let i = 1; i < 9; i++) text += `      a${i}: &a${i} [${Array(10).fill(i === 1 ? '*a' : `*a${i - 1}`).join(', ')}]\n`;
    // a1 … a3 expand to 12,330 values; each *a3 adds 11,111 more: the eighth passes 100,000.
    const problem = await expectAt('t.yaml', text, 'cfn/alias-limit', '*a3', 7);
    expect(problem.message).toMatch(/expand to more than 100000 values/);
  });

  it('limits the number of aliases', async () => {
    let text = `${topic}    Metadata:\n      a: &a x\n`;
    for (let i = 0; i < 101; i++) text += `      b${i}: *a\n`;
    await expectAt('t.yaml', text, 'cfn/alias-limit', '*a', 100);
    const file = await tempFile('t.yaml', text);
    await expect(readTemplateSet(file, { maxAliasCount: 200 })).resolves.toBeDefined();
  });

  it('refuses an alias to an anchor that does not exist', async () => {
    await expectAt('t.yaml', `${topic}    Metadata:\n      a: *nothing\n`, 'cfn/yaml-syntax', '*nothing');
  });
});

describe('template shape', () => {
  it('a template must be a mapping', async () => {
    await expectProblem(readTemplateSet(await tempFile('t.yaml', '- Resources\n- Topic\n')), 'cfn/not-a-mapping', 1, 1);
    await expectProblem(readTemplateSet(await tempFile('t.json', '[1, 2]')), 'cfn/not-a-mapping', 1, 1);
  });

  it('a template needs Resources, and says which key was probably meant', async () => {
    const problem = await expectProblem(readTemplateSet(await tempFile('t.yaml', 'Resource:\n  Topic:\n    Type: AWS::SNS::Topic\n')), 'cfn/no-resources', 1, 1);
    expect(problem.hint).toMatch(/instead of `Resource`/);
    await expectAt('t.yaml', 'Description: x\nResources: {}\n', 'cfn/no-resources', 'Resources');
  });

  it('Resources must be a mapping of resources', async () => {
    await expectAt('t.yaml', 'Description: x\nResources:\n', 'cfn/no-resources', 'Resources');
    const error = await readTemplateSet(await tempFile('t.yaml', 'Resources: !Ref Other\n')).catch((e: unknown) => e);
    expect((error as UserError).diagnostics).toMatchObject([{ rule: 'cfn/invalid-section', line: 1, col: 1, message: '`Resources` is the function Ref, not a mapping' }]);
  });

  it('AWS::Include inside Resources is a transform, not a resource', async () => {
    const text = `${topic}  Fn::Transform:\n    Name: AWS::Include\n    Parameters: {Location: s3://bucket/more.yaml}\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: Included\n`;
    const set = await readTemplateSet(await tempFile('t.yaml', text));
    expect(set.stacks[0]!.resources.map((r) => r.logicalId)).toEqual(['Topic', 'Queue']);
    expect(set.warnings).toMatchObject([{ rule: 'cfn/unknown-reference', position: locate(text, 'DependsOn') }]);
  });

  it('a reference without a name, or to a list', async () => {
    await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: !Ref\n`, 'cfn/unknown-reference', '\n', 4);
    await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: {Ref: [Topic]}\n`, 'cfn/unknown-reference', 'Ref:');
  });

  it('a GetAtt without an attribute', async () => {
    const problem = await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: !GetAtt Topic\n`, 'cfn/malformed-intrinsic', 'Topic\n', 1);
    expect(problem.hint).toBe('write `!GetAtt Topic.Attribute` or `Fn::GetAtt: [Topic, Attribute]`');
    await expectAt('t.yaml', `${topic}    Properties:\n      TopicName: !GetAtt [Topic]\n`, 'cfn/malformed-intrinsic', '[Topic]');
    const set = await readTemplateSet(await tempFile('t.yaml', `Parameters:\n  Attr: {Type: String}\n${topic}  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !GetAtt [Topic, !Ref Attr]\n`));
    expect(set.stacks[0]!.resources).toHaveLength(2);
  });

  it('a resource needs a Type', async () => {
    await expectAt('t.yaml', 'Resources:\n  Topic:\n    Properties: {}\n', 'cfn/missing-type', 'Topic');
    await expectAt('t.yaml', 'Resources:\n  Topic: AWS::SNS::Topic\n', 'cfn/resource-not-a-mapping', 'Topic');
  });

  it.each(['AWS::EC2:VPC', 'AWS::EC2', 'ec2 instance', 'AWS::EC2::VPC::Extra', 'Custom::', 'Custom::Bad Name'])('refuses the malformed type %j', async (type) => {
    const problem = await expectAt('t.yaml', `Resources:\n  Thing:\n    Type: ${JSON.stringify(type)}\n`, 'cfn/invalid-type', 'Type');
    expect(problem.message).toContain(type);
  });

  it('accepts every well-formed type, warning once per type archgen does not know', async () => {
    const types = ['AWS::EC2::VPC', 'Alexa::ASK::Skill', 'Custom::VpcRestrictDefaultSG', 'AWS::CloudFormation::CustomResource', 'Org::Svc::Thing::MODULE', 'AWS::GameLift::Fleet', 'AWS::GameLift::Fleet'];
    const text = `Resources:\n${types.map((type, i) => `  R${i}:\n    Type: ${type}\n`).join('')}`;
    const set = await readTemplateSet(await tempFile('t.yaml', text));
    expect(set.stacks[0]!.resources.map((r) => r.type)).toEqual(types);
    expect(set.warnings.map((w) => [w.rule, w.message.match(/type (\S+)/)![1], `${w.position!.line}:${w.position!.col}`])).toEqual([
      ['cfn/unknown-resource-type', 'Alexa::ASK::Skill', `${locate(text, 'R1').line}:3`],
      ['cfn/unknown-resource-type', 'Org::Svc::Thing::MODULE', `${locate(text, 'R4').line}:3`],
      ['cfn/unknown-resource-type', 'AWS::GameLift::Fleet', `${locate(text, 'R5').line}:3`],
    ]);
    expect(set.warnings[2]!.message).toMatch(/2 resources: R5, R6/);
  });

  it('sections must be mappings, parameters need a Type', async () => {
    await expectAt('t.yaml', `${topic}Outputs: [a, b]\n`, 'cfn/invalid-section', 'Outputs');
    await expectAt('t.yaml', `${topic}    Properties: [a]\n`, 'cfn/invalid-section', 'Properties');
    await expectAt('t.yaml', `Parameters:\n  Env: {Default: dev}\n${topic}`, 'cfn/invalid-parameter', 'Env');
    await expectAt('t.yaml', `${topic}    DependsOn: {a: b}\n`, 'cfn/invalid-depends-on', 'DependsOn');
    await expectAt('t.yaml', 'Resources:\n  my-topic:\n    Type: AWS::SNS::Topic\n', 'cfn/invalid-logical-id', 'my-topic');
  });

  it('reports all shape problems of a file at once', async () => {
    const error = await readTemplateSet(await tempFile('t.yaml', 'Resources:\n  A:\n    Properties: {}\n  B:\n    Type: nope\n')).catch((e: unknown) => e);
    expect((error as UserError).diagnostics.map((d) => `${d.rule}@${d.line}`)).toEqual(['cfn/missing-type@2', 'cfn/invalid-type@5']);
  });
});

describe('references', () => {
  const base = 'Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nMappings:\n  M: {a: {b: c}}\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n';
  const queue = (properties: string, extra = '') => `${base}  Queue:\n    Type: AWS::SQS::Queue\n${extra}    Properties:\n${properties}`;

  it('accepts pseudo parameters, parameters, resources, Sub variables and escapes', async () => {
    const text = queue([
      '      A: !Ref AWS::Region',
      '      B: !Ref Env',
      '      C: !GetAtt Topic.TopicName',
      "      D: !Sub '${AWS::AccountId}-${Env}-${Topic}-${Topic.TopicName}-${!NotAVariable}'",
      "      E: !Sub ['${Local}-x', {Local: !Ref Env}]",
      '      F: !If [IsProd, !FindInMap [M, a, b], !Ref AWS::NoValue]',
      '',
    ].join('\n'), '    DependsOn: Topic\n');
    const set = await readTemplateSet(await tempFile('t.yaml', text));
    expect(set.stacks[0]!.resources.map((r) => r.logicalId)).toEqual(['Topic', 'Queue']);
  });

  it.each([
    ['Ref', '      A: !Ref Topik\n', '!Ref Topik', 'did you mean "Topic"?'],
    ['GetAtt', '      A: !GetAtt Nothing.Arn\n', '!GetAtt Nothing', 'Fn::GetAtt reads'],
    ['GetAtt of a parameter', '      A: !GetAtt [Env, Arn]\n', '[Env, Arn]', 'Fn::GetAtt reads'],
    ['Sub variable', "      A: !Sub 'x-${Missing}'\n", "!Sub 'x", 'declare it'],
    ['Sub attribute', "      A: !Sub 'x-${Missing.Arn}'\n", "!Sub 'x", 'Resources'],
  ])('a %s naming nothing is an error at the reference', async (_, properties, needle, hint) => {
    const text = queue(properties);
    const { line, col } = locate(text, needle);
    const problem = await expectProblem(readTemplateSet(await tempFile('t.yaml', text)), 'cfn/unknown-reference', line, col + (needle.startsWith('!') ? needle.indexOf(' ') + 1 : 0));
    expect(problem.hint).toContain(hint);
  });

  it('DependsOn naming nothing is an error at the name', async () => {
    const text = queue('      A: 1\n', '    DependsOn: [Topic, Ghost]\n');
    await expectAt('t.yaml', text, 'cfn/unknown-reference', 'Ghost');
  });

  it('conditions and mappings must exist', async () => {
    await expectAt('t.yaml', queue('      A: 1\n', '    Condition: IsDev\n'), 'cfn/unknown-condition', 'Condition: IsDev');
    await expectAt('t.yaml', queue('      A: !If [IsDev, 1, 2]\n'), 'cfn/unknown-condition', 'IsDev');
    await expectAt('t.yaml', queue('      A: !FindInMap [N, a, b]\n'), 'cfn/unknown-mapping', 'N, a');
  });

  it('a template with a Transform may reference what the transform creates: warnings, not errors', async () => {
    const text = `Transform: AWS::Serverless-2016-10-31\n${queue('      A: !GetAtt FnRole.Arn\n')}`;
    const set = await readTemplateSet(await tempFile('t.yaml', text));
    expect(set.warnings.map((w) => w.rule)).toEqual(['cfn/unknown-reference']);
  });
});

describe('many problems', () => {
  it('lists the first hundred, quickly, and counts the rest', async () => {
    const count = 20_000;
    const resources = Array.from({ length: count }, (_, i) => `"R${i}": {"Type": "AWS::SQS::Queue", "Properties": {"Name": {"Ref": "Missing${i}"}}}`);
    const error = await readTemplateSet(await tempFile('t.json', `{"Resources": {${resources.join(',\n')}}}`)).catch((e: unknown) => e);
    const diagnostics = (error as UserError).diagnostics;
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics.slice(0, 100).every((d) => d.rule === 'cfn/unknown-reference')).toBe(true);
    expect(diagnostics[0]).toMatchObject({ line: 1, message: 'Ref "Missing0" names no resource, parameter or pseudo parameter' });
    expect(diagnostics[100]).toMatchObject({ rule: 'cfn/more-problems', message: `${count - 100} more problems not listed` });
  });
});

describe('circular references', () => {
  it('names the cycle A → B → A at the first reference', async () => {
    const text = 'Resources:\n  A:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !Ref B\n  B:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !GetAtt A.GroupId\n';
    const problem = await expectAt('t.yaml', text, 'cfn/circular-reference', 'B\n');
    expect(problem.message).toBe('circular reference: A → B → A');
  });

  it('through Sub and DependsOn, three resources long', async () => {
    const text = [
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '  A:',
      '    Type: AWS::SQS::Queue',
      '    DependsOn: [Topic, B]',
      '  B:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      "      QueueName: !Sub '${C.QueueName}-b'",
      '  C:',
      '    Type: AWS::SQS::Queue',
      '    DependsOn: A',
      '',
    ].join('\n');
    const problem = await expectAt('t.yaml', text, 'cfn/circular-reference', 'B]');
    expect(problem.message).toBe('circular reference: A → B → C → A');
  });

  it('a resource referring to itself', async () => {
    const text = '{"Resources": {"A": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::GetAtt": ["A", "QueueName"]}}}}}';
    const problem = await expectAt('t.json', text, 'cfn/circular-reference', '"Fn::GetAtt"');
    expect(problem.message).toBe('circular reference: A → A');
  });

  it('a long chain without a cycle is fine (no recursion limit)', async () => {
    const count = 5000;
    const resources = Array.from({ length: count }, (_, i) => `"R${i}": {"Type": "AWS::SQS::Queue"${i ? `, "DependsOn": "R${i - 1}"` : ''}}`);
    const set = await readTemplateSet(await tempFile('t.json', `{"Resources": {${resources.join(',')}}}`));
    expect(set.stacks[0]!.resources).toHaveLength(count);
  });
});
