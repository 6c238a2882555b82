/**
 * CI/CD page: each pipeline's stages in order (source → CodePipeline → CodeBuild → ECR → deploy)
 * and the service it deploys, with the deployment strategy (blue/green task sets).
 */
import { AUX_ICONS, STAGE_KIND_ICONS, STAGE_PROVIDER_ICONS, type DrawioIcon } from '../../catalog/drawio-shapes.js';
import type { Component, PipelineComponent, PipelineStage, ResolvedEnvironment } from '../../model/types.js';
import { addEdge, type DiagramEdge, type DiagramNode, type DiagramPage } from './diagram.js';
import { connectionLabel, text } from './labels.js';
import { componentIcon, componentNode, groupNode, iconNode, noteNode } from './nodes.js';
import { edgeStyle } from './styles.js';

const VERB: Readonly<Record<PipelineStage['kind'], string>> = {
  source: 'commit', approval: 'start', build: 'build & test', registry: 'push image', deploy: 'deploy', test: 'test',
};

/** The icon of each stage provider named so far (`null`: none matches, the stage kind's icon is used). */
const providerIcons = new Map<string, DrawioIcon | null>();

function stageIcon(stage: PipelineStage): DrawioIcon {
  let icon = providerIcons.get(stage.provider);
  if (icon === undefined) {
    const provider = stage.provider.toLowerCase().replace(/[^a-z]/g, '');
    icon = STAGE_PROVIDER_ICONS.find(([key]) => provider.includes(key))?.[1] ?? null;
    providerIcons.set(stage.provider, icon);
  }
  return icon ?? STAGE_KIND_ICONS[stage.kind];
}

const strategyTitle = (s: PipelineComponent['strategy']): string => ({ 'blue-green': 'Blue/green', rolling: 'Rolling', canary: 'Canary' })[s];

export function cicdPage(env: ResolvedEnvironment, pageId: string, name: string): DiagramPage {
  const p = pageId;
  const pipelines = env.components.filter((c): c is PipelineComponent => c.type === 'pipeline');
  if (!pipelines.length) {
    return { id: p, name, direction: env.layout.direction, nodes: [noteNode(`${p}/n/none`, ['The model declares no pipeline component, so there is no CI/CD flow to draw.'])], edges: [] };
  }
  const byId = new Map(env.components.map((c) => [c.id, c]));
  const outside: DiagramNode[] = [];
  const regional: DiagramNode[] = [];
  const targets = new Map<string, string>();
  const edges: DiagramEdge[] = [];

  /** The deployed service: a group with blue and green task sets when the strategy is blue/green. */
  const targetNode = (c: Component, pipeline: PipelineComponent): string => {
    const existing = targets.get(c.id);
    if (existing) return existing;
    const id = `${p}/c/${c.id}`;
    if (pipeline.strategy === 'blue-green' && (c.type === 'container-service' || c.type === 'kubernetes-cluster' || c.type === 'function')) {
      const icon = componentIcon(c);
      regional.push(groupNode(id, 'generic', [text(c.name), 'Blue/green deployment'], [
        iconNode(`${p}/m/${c.id}/blue`, icon, ['Blue (current version)']),
        iconNode(`${p}/m/${c.id}/green`, icon, ['Green (new version)']),
      ]));
    } else {
      regional.push(componentNode(id, c, [], true));
    }
    targets.set(c.id, id);
    return id;
  };

  const groups = pipelines.map((pipeline) => {
    const stageNodes: DiagramNode[] = [];
    let previous: string | undefined;
    for (const stage of pipeline.stages) {
      const target = stage.target ? byId.get(stage.target) : undefined;
      const merged = stage.kind === 'registry' && target?.type === 'container-registry';
      const id = merged ? `${p}/c/${target.id}` : `${p}/s/${pipeline.id}/${stage.id}`;
      const label = [text(stage.name), ...(stage.description.en ? [text(stage.description)] : [`(${stage.provider})`])];
      const node = merged ? iconNode(id, componentIcon(target), label) : iconNode(id, stageIcon(stage), label);
      if (merged) targets.set(target.id, id);
      if (stage.kind === 'source') outside.push(node);
      else stageNodes.push(node);
      if (previous) addEdge(edges, { id: `${p}/e/${pipeline.id}/${stage.id}`, source: previous, target: id, label: [VERB[stage.kind]], style: edgeStyle('deploy'), routing: 'layout' });
      if (target && !merged && stage.kind === 'deploy') {
        addEdge(edges, { id: `${p}/e/${pipeline.id}/${stage.id}-target`, source: id, target: targetNode(target, pipeline), label: [`${strategyTitle(pipeline.strategy)} deployment`], style: edgeStyle('deploy'), routing: 'layout' });
      }
      previous = id;
    }
    const alternatives = pipeline.alternativeStrategies.filter((a) => a.strategy !== pipeline.strategy).map((a) => a.strategy).join(', ');
    return groupNode(`${p}/g/pipeline/${pipeline.id}`, 'generic', [`${text(pipeline.name)} · ${pipeline.strategy}`, ...(alternatives ? [`alternatives: ${alternatives}`] : [])], stageNodes);
  });

  // Model flows between what is already drawn (e.g. the service pulls its image from ECR).
  const drawnIds = new Map(targets);
  for (const conn of env.connections) {
    const from = drawnIds.get(conn.from);
    const to = drawnIds.get(conn.to);
    if (from && to && !byId.get(conn.from)?.type.startsWith('pipeline')) addEdge(edges, { id: `${p}/e/${conn.id}`, source: from, target: to, label: connectionLabel(conn), style: edgeStyle(conn.kind), routing: 'layout' });
  }
  const region = groupNode(`${p}/g/region`, 'region', [`Region ${env.metadata.region}`], [...groups, ...regional]);
  const cloud = groupNode(`${p}/g/cloud`, 'cloud', ['AWS Cloud'], [region]);
  if (!outside.length) outside.push(iconNode(`${p}/n/source`, AUX_ICONS.sourceRepository, ['Source repository']));
  return { id: p, name, direction: env.layout.direction, nodes: [...outside, cloud], edges };
}
