/**
 * Generator `mermaid`: `output/<model>/diagrams/*.mmd`. One file per diagram for the default
 * environment, plus `<diagram>-<env>.mmd` for every environment whose diagram differs from it.
 */
import type { ArchitectureModel, ResolvedEnvironment } from '../../model/types.js';
import type { GeneratedFile, Generator } from '../types.js';
import { architectureChart } from './architecture.js';
import { say } from './catalog.js';
import { networkChart } from './network.js';
import { pipelineChart } from './pipeline.js';
import { securityGroupChart } from './security-groups.js';
import { sequenceBody, withTitle } from './sequence.js';

/** One kind of diagram: its file stem, title and source body (without front matter) per environment. */
export interface DiagramKind {
  readonly name: string;
  readonly title: string;
  body(env: ResolvedEnvironment): string | undefined;
}

export const DIAGRAM_KINDS: readonly DiagramKind[] = [
  { name: 'architecture', title: '전체 아키텍처', body: (env) => architectureChart(env).toString() },
  { name: 'network', title: '네트워크 구성', body: (env) => networkChart(env).toString() },
  { name: 'request-sequence', title: '요청 처리 흐름', body: sequenceBody },
  { name: 'security-groups', title: '보안 그룹 흐름', body: (env) => securityGroupChart(env)?.toString() },
  { name: 'cicd-pipeline', title: 'CI/CD 파이프라인', body: (env) => pipelineChart(env)?.toString() },
];

/** Folder of a model's Mermaid sources. */
export const diagramsDir = (modelId: string): string => `output/${modelId}/diagrams`;

/** Every Mermaid source of a model, with environment variants only where they differ. */
export function mermaidFiles(model: ArchitectureModel, kinds: readonly DiagramKind[] = DIAGRAM_KINDS): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const base = model.defaultEnvironment;
  const modelName = say(model.environments[base]!.metadata.name);
  for (const kind of kinds) {
    const bodies = new Map(model.environmentNames.map((env) => [env, kind.body(model.environments[env]!)]));
    const baseBody = bodies.get(base);
    const sameAsBase = model.environmentNames.filter((env) => bodies.get(env) === baseBody);
    if (baseBody !== undefined) {
      files.push({ path: `${diagramsDir(model.id)}/${kind.name}.mmd`, content: withTitle(`${modelName} — ${kind.title} (${sameAsBase.join(', ')})`, baseBody) });
    }
    for (const env of model.environmentNames) {
      const body = bodies.get(env);
      if (body === undefined || sameAsBase.includes(env)) continue;
      files.push({ path: `${diagramsDir(model.id)}/${kind.name}-${env}.mmd`, content: withTitle(`${modelName} — ${kind.title} (${env})`, body) });
    }
  }
  return files;
}

export const mermaidGenerator: Generator = {
  name: 'mermaid',
  description: 'Mermaid diagrams per model (output/<model>/diagrams/*.mmd)',
  generate: (model) => mermaidFiles(model),
};
