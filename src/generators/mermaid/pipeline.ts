/**
 * The CI/CD pipeline (seed §10): each pipeline's stages in order, the components a stage acts
 * on (registry, service), and the deployment strategy with its alternatives.
 */
import type { PipelineComponent, ResolvedEnvironment } from '../../model/types.js';
import { CATEGORY_STYLE, say, STAGE_ACTION, TYPE_STYLE, WORDS } from './catalog.js';
import { strategyName } from './describe.js';
import { IdAllocator, mermaidLines, mermaidText } from './escape.js';
import { Flowchart } from './flowchart.js';

/** The pipeline chart of one environment, or undefined when it has no pipeline component. */
export function pipelineChart(env: ResolvedEnvironment): Flowchart | undefined {
  const pipelines = env.components.filter((c): c is PipelineComponent => c.type === 'pipeline');
  if (!pipelines.length) return undefined;
  const components = new Map(env.components.map((c) => [c.id, c]));
  const ids = new IdAllocator();
  const chart = new Flowchart('LR');
  for (const [name, style] of Object.entries(CATEGORY_STYLE)) chart.defineClass(name, style);
  chart.defineClass('grp_pipeline', 'fill:#f7f8fc,stroke:#3b48cc,stroke-width:1px,color:#3b48cc');
  chart.defineClass('note', 'fill:#fffbe6,stroke:#d9b600,stroke-width:1px,color:#232f3e');

  const targetEdges: [string, string, string][] = [];
  for (const pipeline of pipelines) {
    chart.subgraph(ids.id('g', pipeline.id), mermaidText(`${say(pipeline.name)} · ${pipeline.sourceProviders.join(', ')}`), 'grp_pipeline');
    let previous: string | undefined;
    for (const stage of pipeline.stages) {
      const id = ids.id('st', `${pipeline.id}-${stage.id}`);
      chart.node(id, 'rounded', mermaidLines([say(stage.name), say(stage.name).includes(stage.provider) ? undefined : stage.provider, say(stage.description)]), 'devtools');
      if (previous) chart.edge(previous, id, { linkStyle: 'stroke:#3b48cc,stroke-width:2px' });
      previous = id;
      if (stage.target && components.has(stage.target)) targetEdges.push([id, stage.target, STAGE_ACTION[stage.kind]]);
    }
    const strategies = pipeline.alternativeStrategies
      .filter((s) => s.strategy !== pipeline.strategy)
      .map((s) => `${strategyName(s.strategy)}: ${say(s.description)}${s.optional ? ` (${WORDS.optional})` : ''}`);
    const current = pipeline.alternativeStrategies.find((s) => s.strategy === pipeline.strategy);
    const note = ids.id('note', pipeline.id);
    chart.node(note, 'box', mermaidLines([
      `${WORDS.strategy}: ${strategyName(pipeline.strategy)}${current ? ` — ${say(current.description)}` : ''}`,
      ...(strategies.length ? [`${WORDS.alternatives}:`, ...strategies.map((s) => `• ${s}`)] : []),
    ]), 'note');
    if (previous) chart.edge(previous, note, { line: 'dotted' });
    chart.end();
  }
  const declared = new Set<string>();
  for (const [stage, targetId, action] of targetEdges) {
    const target = components.get(targetId)!;
    const id = ids.id('c', targetId);
    if (!declared.has(id)) {
      chart.node(id, TYPE_STYLE[target.type].shape, mermaidLines([say(target.name)]), TYPE_STYLE[target.type].category);
      declared.add(id);
    }
    chart.edge(stage, id, { line: 'dotted', label: mermaidText(action), linkStyle: 'stroke:#7d8998,stroke-width:1.5px' });
  }
  return chart;
}
