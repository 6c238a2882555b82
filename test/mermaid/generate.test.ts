import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidText } from '../../src/generators/mermaid/escape.js';
import { mermaidFiles, mermaidGenerator } from '../../src/generators/mermaid/index.js';
import type { ArchitectureModel, ComponentType } from '../../src/model/types.js';
import { launchBrowser } from '../../src/render/browser.js';
import { MermaidPage } from '../../src/render/mermaid-engine.js';
import { projectModels, ROOT } from './helpers.js';

const ALL_TYPES: readonly ComponentType[] = [
  'client', 'dns', 'load-balancer', 'container-service', 'database', 'cache', 'secret', 'container-registry', 'log-group',
  'pipeline', 'api-gateway', 'function', 'nosql-table', 'kubernetes-cluster', 'monitoring', 'notification-topic',
];

const contentOf = (model: ArchitectureModel, name: string): string => {
  const file = mermaidFiles(model).find((f) => f.path === `output/${model.id}/diagrams/${name}`);
  if (!file) throw new Error(`${name} was not generated for ${model.id}`);
  return file.content as string;
};

describe('mermaid generator', () => {
  let models: ArchitectureModel[];
  let browser: Browser;
  let page: MermaidPage;
  beforeAll(async () => {
    models = await projectModels();
    browser = await launchBrowser();
    page = await MermaidPage.open(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every generated .mmd of every model parses with Mermaid itself', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const model of models) {
      for (const file of mermaidFiles(model)) {
        count++;
        const result = await page.parse(file.content as string);
        if ('error' in result) failures.push(`${file.path}: ${result.error}`);
        else expect(['flowchart-v2', 'sequence', 'pie']).toContain(result.diagramType);
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(2 * models.length);
  });

  it('is deterministic and matches the committed sources', async () => {
    for (const model of models) {
      const first = mermaidFiles(model);
      expect(mermaidFiles(model)).toEqual(first);
      for (const file of await mermaidGenerator.generate(model, { models, inputs: new Map() })) {
        expect(file.content, file.path).toBe(readFileSync(path.join(ROOT, file.path), 'utf8'));
      }
    }
  });

  it('draws every component of every environment in the architecture diagram', () => {
    const seen = new Set<ComponentType>();
    for (const model of models) {
      const files = mermaidFiles(model);
      for (const env of model.environmentNames) {
        const own = files.find((f) => f.path.endsWith(`/architecture-${env}.mmd`)) ?? files.find((f) => f.path.endsWith('/architecture.mmd'))!;
        for (const component of model.environments[env]!.components) {
          seen.add(component.type);
          expect(own.content as string, `${model.id}/${env}: ${component.id}`).toContain(mermaidText(component.name.ko));
        }
      }
    }
    // The seed and the alternative models together use every component type the model defines.
    const missing = ALL_TYPES.filter((type) => !seen.has(type));
    if (models.length >= 3) expect(missing).toEqual([]);
  });

  it('nests the architecture as Region → VPC → AZ → subnet', async () => {
    const [seed] = models.filter((m) => m.id === 'point-system');
    const source = contentOf(seed!, 'architecture.mmd');
    const order = ['subgraph g_region_ap_northeast_2', 'subgraph g_vpc_points_vpc', 'subgraph g_az_ap_northeast_2a', 'subgraph g_subnet_public_a', 'subgraph g_subnet_private_a'];
    const positions = order.map((marker) => source.indexOf(marker));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Writes go to the writer, reads (on a cache miss) to the reader, as the seed describes.
    expect(source).toMatch(/c_points_api_private_a ==>\|"쓰기 → Primary \(PostgreSQL 5432\)"\| c_points_db_writer_1/);
    expect(source).toMatch(/c_points_api_private_a -->\|"읽기 → 복제본 \(PostgreSQL 5432\) \[캐시 미스\]"\| c_points_db_reader_1/);
  });

  it('writes a dev variant only for diagrams that differ, and the dev architecture has no reader', () => {
    const seed = models.find((m) => m.id === 'point-system')!;
    const names = mermaidFiles(seed).map((f) => path.basename(f.path)).sort();
    expect(names).toContain('architecture-dev.mmd');
    expect(names).not.toContain('security-groups-dev.mmd');
    expect(contentOf(seed, 'security-groups.mmd')).toContain('(prod, dev)');
    const dev = contentOf(seed, 'architecture-dev.mmd');
    expect(dev).not.toContain('Reader');
    expect(dev).toContain('Fargate Spot');
  });

  it('sequences one request: DNS, ALB, ECS, Redis hit/miss, replica read, writer write', () => {
    const seed = models.find((m) => m.id === 'point-system')!;
    const source = contentOf(seed, 'request-sequence.mmd');
    const steps = [
      'p_users->>p_points_dns:', 'p_users->>p_points_alb:', 'p_points_alb->>p_points_api:', 'p_points_api->>p_points_cache:',
      'alt 캐시 히트', 'else 캐시 미스', 'p_points_api->>p_points_db_reader:', 'end', 'p_points_api->>p_points_db_writer:', 'p_points_alb-->>p_users:',
    ];
    const positions = steps.map((s) => source.indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Without a replica (dev) reads go to the writer.
    const dev = contentOf(seed, 'request-sequence-dev.mmd');
    expect(dev).not.toContain('p_points_db_reader');
    expect(dev).toMatch(/p_points_api->>p_points_db_writer: 읽기/);
  });

  it('labels security-group flows with protocol and port', () => {
    const seed = models.find((m) => m.id === 'point-system')!;
    const source = contentOf(seed, 'security-groups.mmd');
    expect(source).toContain('cidr_0_0_0_0_0 -->|"TCP 443 · HTTPS"| sg_alb_sg');
    expect(source).toContain('sg_alb_sg -->|"TCP 8080 · ALB → Spring Boot"| sg_ecs_sg');
    expect(source).toContain('sg_ecs_sg -->|"TCP 5432 · PostgreSQL"| sg_rds_sg');
    expect(source).toContain('sg_ecs_sg -->|"TCP 6379 · Redis"| sg_cache_sg');
    expect(source).toContain('아웃바운드: 없음');
  });

  it('draws the CI/CD stages in order with the blue/green strategy', () => {
    const seed = models.find((m) => m.id === 'point-system')!;
    const source = contentOf(seed, 'cicd-pipeline.mmd');
    const order = ['st_points_pipeline_source', 'st_points_pipeline_pipeline', 'st_points_pipeline_build', 'st_points_pipeline_image', 'st_points_pipeline_deploy'];
    const positions = order.map((id) => source.indexOf(`${id}(`));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(source).toContain('배포 전략: Blue/Green');
  });
});
