/**
 * The seed model validates and holds every number and named setting of the seed document:
 * each fact of test/fixtures/seed-facts.ts is quoted from the seed and found in the model, and
 * every number written in the seed's prose is covered by some fact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { SEED_FACTS, valueAtFactPath, type SeedFact } from '../fixtures/seed-facts.js';
import { ROOT } from './helpers.js';

const SEED_DOC = path.resolve(ROOT, 'test/fixtures/seed/aws-architecture.ko.md');
const seedText = readFileSync(SEED_DOC, 'utf8');

/** Lines of the seed's prose: no headings, no ASCII-art diagrams in code blocks. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    else if (!inCode && !line.startsWith('#')) lines.push(line);
  }
  return lines;
}

let model: ArchitectureModel;
beforeAll(async () => {
  const result = await loadModelFile(path.join(ROOT, 'model/point-system.yaml'), ROOT);
  expect(result.diagnostics).toEqual([]);
  model = result.model!;
});

describe('seed model', () => {
  it('validates without errors or warnings and has prod and dev', () => {
    expect(model.environmentNames).toEqual(['prod', 'dev']);
  });

  it('starts with the yaml-language-server schema line', () => {
    expect(readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./architecture.schema.json');
  });

  it.each(SEED_FACTS.map((f) => [`${f.topic} (${f.env})`, f] as const))('%s', (_name, fact: SeedFact) => {
    expect(seedText, `the seed document does not say "${fact.seed}"`).toContain(fact.seed);
    const value = valueAtFactPath(model.environments[fact.env], fact.path);
    const where = `${fact.env}: ${fact.path}`;
    const { expected } = fact;
    if ('equals' in expected) expect(value, where).toEqual(expected.equals);
    else if ('contains' in expected) expect(value, where).toContain(expected.contains);
    else if ('includes' in expected) expect(value, where).toContainEqual(expected.includes);
    else expect(String(value), where).toMatch(expected.matches);
  });

  it('every number in the seed prose is covered by a fact quoting that line', () => {
    const uncovered: string[] = [];
    for (const line of proseLines(seedText)) {
      for (const [number] of line.matchAll(/\d+(?:\.\d+)*/g)) {
        const covered = SEED_FACTS.some((f) => line.includes(f.seed) && f.seed.includes(number));
        if (!covered) uncovered.push(`${number} in: ${line.trim()}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('every bold setting name of the seed prose is quoted by a fact or listed as prose', () => {
    // Bold labels name settings (`**Max Pool Size**: 20`); labels of pure prose are listed here.
    const prose = new Set(['선택 이유', '구성', '리소스 사양', '용도', '기능', '인스턴스 사양', '트리거', '정책', 'ALB Security Group', 'ECS Security Group',
      'RDS Security Group', 'ElastiCache Security Group', '장점', '단점', '다음 문서', '컴퓨팅', '데이터베이스', '캐싱', '로드 밸런싱', 'API 게이트웨이', '모니터링', '보안',
      '마이크로서비스 아키텍처', '서버리스 옵션', '컨테이너 기반', 'Task Definition', 'Service', 'Auto Scaling', 'VPC', 'Security Group', 'NAT Gateway', 'IAM Role',
      'Least Privilege', 'CloudWatch Logs', 'ECS Service', 'ElastiCache', 'ALB Health Check', 'ECS Task Health Check', 'Snapshot', 'Right Sizing', 'ECS Task',
      'RDS Instance', 'Blue/Green 배포', 'draw.io', 'Lucidchart', 'AWS Architecture Icons', 'ECS', 'RDS', 'ALB']);
    const missing: string[] = [];
    for (const line of proseLines(seedText)) {
      for (const [, label] of line.matchAll(/\*\*([^*]+)\*\*/g)) {
        if (!prose.has(label!) && !SEED_FACTS.some((f) => f.seed.includes(`**${label}**`) || (line.includes(f.seed) && f.seed.includes(label!)))) missing.push(label!);
      }
    }
    expect(missing).toEqual([]);
  });
});
