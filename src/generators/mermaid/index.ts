/**
 * Generator `mermaid`: `output/<model>/diagrams/*.mmd`. One file per diagram for the default
 * environment, plus `<diagram>-<env>.mmd` for every environment whose diagram differs from it.
 */
import type { ArchitectureModel, ResolvedEnvironment } from '../../model/types.js';
import type { GeneratedFile, Generator } from '../types.js';
import { architectureChart } from './architecture.js';
import { costPieBody } from './cost.js';
import { say } from './catalog.js';
import { networkChart } from './network.js';
import { pipelineChart } from './pipeline.js';
import { securityGroupChart } from './security-groups.js';
import { sequenceBody, withTitle } from './sequence.js';

/** What a diagram may read besides its environment: the whole model and the declared inputs. */
export interface DiagramContext {
  readonly model: ArchitectureModel;
  readonly env: string;
  readonly inputs: ReadonlyMap<string, string>;
}

/** One kind of diagram: its file stem, title and source body (without front matter) per environment. */
export interface DiagramKind {
  readonly name: string;
  readonly title: string;
  /** `context` is needed only by diagrams that read more than the environment (the cost pie). */
  body(env: ResolvedEnvironment, context?: DiagramContext): string | undefined;
}

/**
 * Bodies already drawn, per environment object (and per inputs map for the cost pie, which reads
 * the price snapshots): the mermaid generator and the documents' diagram section share one
 * computation per model. Keyed on the immutable normalized model, so a cached body is the body.
 */
const bodiesByEnv = new WeakMap<ResolvedEnvironment, Map<string, string | undefined>>();
const costBodies = new WeakMap<ReadonlyMap<string, string>, WeakMap<ResolvedEnvironment, string | undefined>>();

function remembered(env: ResolvedEnvironment, name: string, draw: () => string | undefined): string | undefined {
  let bodies = bodiesByEnv.get(env);
  if (!bodies) bodiesByEnv.set(env, (bodies = new Map()));
  if (!bodies.has(name)) bodies.set(name, draw());
  return bodies.get(name);
}

function costBody(context: DiagramContext): string | undefined {
  const env = context.model.environments[context.env]!;
  let byEnv = costBodies.get(context.inputs);
  if (!byEnv) costBodies.set(context.inputs, (byEnv = new WeakMap()));
  if (!byEnv.has(env)) byEnv.set(env, costPieBody(context.model, context.env, context.inputs));
  return byEnv.get(env);
}

export const DIAGRAM_KINDS: readonly DiagramKind[] = [
  { name: 'architecture', title: '전체 아키텍처', body: (env) => remembered(env, 'architecture', () => architectureChart(env).toString()) },
  { name: 'network', title: '네트워크 구성', body: (env) => remembered(env, 'network', () => networkChart(env).toString()) },
  { name: 'request-sequence', title: '요청 처리 흐름', body: (env) => remembered(env, 'request-sequence', () => sequenceBody(env)) },
  { name: 'security-groups', title: '보안 그룹 흐름', body: (env) => remembered(env, 'security-groups', () => securityGroupChart(env)?.toString()) },
  { name: 'cicd-pipeline', title: 'CI/CD 파이프라인', body: (env) => remembered(env, 'cicd-pipeline', () => pipelineChart(env)?.toString()) },
  { name: 'cost', title: '월 비용 구성', body: (_, context) => (context ? costBody(context) : undefined) },
];

/** Folder of a model's Mermaid sources. */
export const diagramsDir = (modelId: string): string => `output/${modelId}/diagrams`;

/** Every Mermaid source of a model, with environment variants only where they differ. */
export function mermaidFiles(model: ArchitectureModel, inputs: ReadonlyMap<string, string> = new Map(), kinds: readonly DiagramKind[] = DIAGRAM_KINDS): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const base = model.defaultEnvironment;
  const modelName = say(model.environments[base]!.metadata.name);
  for (const kind of kinds) {
    const bodies = new Map(model.environmentNames.map((env) => [env, kind.body(model.environments[env]!, { model, env, inputs })]));
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
  // The cost pie prices the model with the committed snapshots, like the cost generator.
  reads: ['model/pricing/'],
  generate: (model, ctx) => mermaidFiles(model, ctx.inputs),
};
