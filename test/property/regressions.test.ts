/**
 * Counter-examples the property tests found, shrunk and kept as ordinary tests so the bugs
 * stay fixed even when the random runs no longer happen to draw them.
 */
import { describe, expect, it } from 'vitest';
import { loadModelFromBytes } from '../../src/load/load-model.js';

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
});
