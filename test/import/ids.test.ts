/** Model ids from construct paths, tags, names and logical ids: readable, valid, unique, deterministic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdAllocator, kebabId, nameFromCdkPath, stripCdkHash } from '../../src/import/ids.js';

const MODEL_ID = /^[a-z][a-z0-9-]{0,62}$/;

describe('readable ids', () => {
  it.each([
    ['PointsApiLogs', 'points-api-logs'],
    ['ALBSecurityGroup', 'alb-security-group'],
    ['/ecs/orders-api', 'ecs-orders-api'],
    ['orders/db-credentials', 'orders-db-credentials'],
    ['points.example.com.', 'points-example-com'],
    ['9lives', 'lives'],
    ['___', ''],
  ])('kebabId(%j) = %j', (input, expected) => {
    expect(kebabId(input)).toBe(expected);
  });

  it.each([
    ['PointSystem-Prod/Network/AlbSg/Resource', 'AlbSg'],
    ['PointSystem-Prod/Network/PublicA/Subnet', 'PublicA'],
    ['PointSystem-Prod/Data/PointsDb/Secret/Resource', 'PointsDbSecret'],
    ['PointSystem-Prod/Compute/PointsApi/Service', 'PointsApi'],
    ['PointSystem-Prod/Edge/Zone/Resource', undefined],
  ])('nameFromCdkPath(%j) = %j', (input, expected) => {
    expect(nameFromCdkPath(input)).toBe(expected);
  });

  it('strips the CDK hash of a logical id, and only that', () => {
    expect(stripCdkHash('NetworkAlbSg193DDF6A')).toBe('NetworkAlbSg');
    expect(stripCdkHash('LoadBalancer')).toBe('LoadBalancer');
  });
});

describe('IdAllocator', () => {
  it('takes the first free candidate, then numbers the first', () => {
    const ids = new IdAllocator();
    expect(ids.allocate(['Orders Api'], 'service')).toBe('orders-api');
    expect(ids.allocate(['orders-api', 'OrdersRepository'], 'repository')).toBe('orders-repository');
    expect(ids.allocate(['orders-api'], 'x')).toBe('x');
    expect(ids.allocate(['orders-api'], 'x')).toBe('orders-api-2');
    expect(ids.allocate(['!!!'], '???')).toBe('resource');
  });

  it('always hands out unique ids the model accepts, the same ones for the same input', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 80 }), { maxLength: 3 }), { maxLength: 40 }), (requests) => {
      const run = () => {
        const ids = new IdAllocator();
        return requests.map((candidates) => ids.allocate(candidates, 'element'));
      };
      const first = run();
      expect(new Set(first).size).toBe(first.length);
      for (const id of first) expect(id).toMatch(MODEL_ID);
      expect(run()).toEqual(first);
    }), { numRuns: 200, seed: 11 });
  });
});
