/**
 * Counter-examples the property tests found, shrunk and kept as ordinary tests so the bugs
 * stay fixed even when the random runs no longer happen to draw them.
 */
import { describe, expect, it } from 'vitest';
import { drawioGenerator } from '../../src/generators/drawio/index.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import { xmlProblems } from './checks.js';

const load = (yaml: string) => loadModelFromBytes('model/regression.yaml', new TextEncoder().encode(yaml));

describe('regressions found by the property tests', () => {
  it('a component id that names an Object.prototype member (`constructor`) survives environment overrides', () => {
    // Found by "random valid models load with zero errors": `overrides.components[id]` found
    // Object.prototype.constructor and merged a function over the component.
    const result = load(`version: 1
metadata: { name: x, owner: team, region: us-east-1 }
environments:
  prod: {}
  dev:
    overrides:
      components:
        api: { memoryMb: 256 }
network:
  vpc: { id: vpc-main, cidr: 10.0.0.0/16 }
  availabilityZones: [us-east-1a]
  subnets: [{ id: subnet-0, tier: private, az: us-east-1a, cidr: 10.0.1.0/24 }]
components:
  - { id: constructor, type: client, name: Users }
  - { id: api, type: function, name: Api, runtime: java21, memoryMb: 512 }
`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dev = result.model!.environments.dev!;
    expect(dev.components.map((c) => [c.id, typeof c, c.type])).toEqual([['constructor', 'object', 'client'], ['api', 'object', 'function']]);
    expect(dev.components.find((c) => c.type === 'function')).toMatchObject({ memoryMb: 256 });
  });

  it('draw.io lays out flows between services in two zones and out to a client (ELK refused the last-layer zones)', async () => {
    // Found by "every output of every generator is valid in its format": elk.layout threw
    // UnsupportedConfigurationException ("layer constraint set to LAST") and generate failed.
    const service = (id: string, subnet: string) =>
      `  - { id: ${id}, type: container-service, name: ${id}, subnets: [${subnet}], cpu: 256, memory: 512, minTasks: 0, maxTasks: 1, container: { name: a, image: app:latest, port: 80 } }\n`;
    const result = load(`version: 1
metadata: { name: x, owner: team, region: ap-northeast-2 }
network:
  vpc: { id: vpc-main, cidr: 10.0.0.0/16 }
  availabilityZones: [ap-northeast-2a, ap-northeast-2c]
  subnets:
    - { id: subnet-0, tier: public, az: ap-northeast-2c, cidr: 10.0.0.0/24 }
    - { id: subnet-1, tier: public, az: ap-northeast-2a, cidr: 10.0.1.0/24 }
components:
${service('api', 'subnet-0')}${service('worker', 'subnet-1')}  - { id: users, type: client, name: Users }
connections:
  - { id: flow-0, from: api, to: worker, protocol: HTTP }
  - { id: flow-1, from: worker, to: users, protocol: HTTPS }
  - { id: flow-2, from: api, to: users, protocol: HTTPS }
`);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = result.model!;
    const [file] = await drawioGenerator.generate(model, { models: [model], inputs: new Map() });
    expect(xmlProblems(file!.path, String(file!.content))).toEqual([]);
    for (const id of ['api', 'worker', 'users']) expect(String(file!.content)).toContain(`architecture/c/${id}"`);
  });

  // Found by "every output of every generator is valid": a heading holding U+2028 matched the block
  // test but not the heading pattern (`.` stops at line separators), so the Markdown → HTML
  // converter looped forever on the paragraph that took no line.
  it('the docs generator finishes on test/property/fixtures/docs-hang.yaml', async () => {
    const { readFile } = await import('node:fs/promises');
    const { docsGenerator } = await import('../../src/generators/docs.js');
    const { generateAll } = await import('./helpers.js');
    const result = load(await readFile(new URL('./fixtures/docs-hang.yaml', import.meta.url), 'utf8'));
    const files = await generateAll(result.model!, [docsGenerator]);
    expect(files.size).toBeGreaterThan(0);
  });
});
