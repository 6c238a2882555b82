/**
 * The architecture flowchart: Internet → AWS cloud → Region → VPC → AZ → subnets, every
 * component where it runs, and every connection of the model as an edge (styled by kind).
 */
import type { Connection, ResolvedEnvironment } from '../../model/types.js';
import { CATEGORY_STYLE, GROUP_STYLE, say, STAGE_ACTION, TYPE_STYLE, WORDS, type Category } from './catalog.js';
import { connectionLabel } from './describe.js';
import { IdAllocator, mermaidLines, mermaidText } from './escape.js';
import { Flowchart, type Direction, type EdgeLine } from './flowchart.js';
import { connectionTargets, placeComponents, type PlacedNode } from './placement.js';

export const DIRECTION: Readonly<Record<ResolvedEnvironment['layout']['direction'], Direction>> = { RIGHT: 'LR', DOWN: 'TB', LEFT: 'RL', UP: 'BT' };

/** Edge look per connection kind: writes thick, background traffic dotted, colour by kind. */
const EDGE: Readonly<Record<Connection['kind'], { line: EdgeLine; style: string }>> = {
  request: { line: 'solid', style: 'stroke:#232f3e,stroke-width:2px' },
  read: { line: 'solid', style: 'stroke:#147eba,stroke-width:2px' },
  write: { line: 'thick', style: 'stroke:#c925d1,stroke-width:3px' },
  replication: { line: 'dotted', style: 'stroke:#c925d1,stroke-width:2px' },
  control: { line: 'dotted', style: 'stroke:#7d8998,stroke-width:1.5px' },
  async: { line: 'dotted', style: 'stroke:#e7157b,stroke-width:1.5px' },
};

/** An edge to draw: a model connection, or a flow implied by other parts of the model. */
export interface Flow {
  readonly from: string;
  readonly to: string;
  readonly kind: Connection['kind'];
  readonly label: string;
}

const modelFlow = (c: Connection): Flow => ({ from: c.from, to: c.to, kind: c.kind, label: connectionLabel(c) });

/** Flows the model states outside `connections`: pipeline stages acting on components, alarms notifying topics. */
export function derivedFlows(env: ResolvedEnvironment): Flow[] {
  const flows: Flow[] = [];
  for (const c of env.components) {
    if (c.type !== 'pipeline') continue;
    for (const stage of c.stages) {
      if (stage.target) flows.push({ from: c.id, to: stage.target, kind: 'control', label: `${STAGE_ACTION[stage.kind]} (${stage.provider})` });
    }
  }
  const monitor = env.components.find((c) => c.type === 'monitoring');
  const alarmsByTopic = new Map<string, number>();
  for (const alarm of env.monitoring.alarms) if (alarm.topic) alarmsByTopic.set(alarm.topic, (alarmsByTopic.get(alarm.topic) ?? 0) + 1);
  if (monitor) for (const [topic, count] of alarmsByTopic) flows.push({ from: monitor.id, to: topic, kind: 'async', label: `${WORDS.alarms} ${count}` });
  return flows;
}

/** Registers every category and group class the flowcharts use. */
export function defineStyles(chart: Flowchart): void {
  for (const [name, style] of Object.entries(CATEGORY_STYLE)) chart.defineClass(name, style);
  for (const [name, style] of Object.entries(GROUP_STYLE)) chart.defineClass(`grp_${name}`, style);
}

export const nodeClass = (node: PlacedNode): Category => TYPE_STYLE[node.component.type].category;

const addNode = (chart: Flowchart, node: PlacedNode): void => {
  chart.node(node.id, TYPE_STYLE[node.component.type].shape, mermaidLines(node.lines), nodeClass(node));
};

/** The architecture flowchart source of one environment (without front matter). */
export function architectureChart(env: ResolvedEnvironment): Flowchart {
  const ids = new IdAllocator();
  const placement = placeComponents(env, ids);
  const chart = new Flowchart(DIRECTION[env.layout.direction]);
  defineStyles(chart);

  for (const node of placement.internet) addNode(chart, node);
  chart.subgraph(ids.id('g', 'aws-cloud'), mermaidText(WORDS.cloud), 'grp_cloud');
  for (const node of placement.global) addNode(chart, node);
  chart.subgraph(ids.id('g', `region-${env.metadata.region}`), mermaidText(`${WORDS.region} ${env.metadata.region}`), 'grp_region');
  for (const node of placement.region) addNode(chart, node);
  const { vpc } = env.network;
  chart.subgraph(ids.id('g', `vpc-${vpc.id}`), mermaidText(`${say(vpc.name)} · ${vpc.cidr}`), 'grp_vpc');
  for (const node of placement.vpc) addNode(chart, node);
  for (const az of env.network.availabilityZones) {
    chart.subgraph(ids.id('g', `az-${az}`), mermaidText(`${WORDS.az} ${az}`), 'grp_az');
    for (const subnet of env.network.subnets.filter((s) => s.az === az)) {
      const title = `${WORDS.tier[subnet.tier]} ${subnet.id} · ${subnet.cidr}`;
      chart.subgraph(ids.id('g', `subnet-${subnet.id}`), mermaidText(title), `grp_${subnet.tier}`);
      for (const node of placement.bySubnet.get(subnet.id) ?? []) addNode(chart, node);
      chart.end();
    }
    chart.end();
  }
  chart.end().end().end();

  for (const flow of [...env.connections.map(modelFlow), ...derivedFlows(env)]) {
    const sources = placement.nodesOf.get(flow.from) ?? [];
    const targets = placement.nodesOf.get(flow.to) ?? [];
    const look = EDGE[flow.kind];
    let labelled = false;
    const seen = new Set<string>();
    for (const from of sources) {
      for (const to of connectionTargets(flow.kind, from, targets)) {
        if (seen.has(`${from.id}>${to.id}`)) continue;
        seen.add(`${from.id}>${to.id}`);
        // One label per flow keeps fanned-out edges readable; the others share its colour.
        chart.edge(from.id, to.id, { line: look.line, linkStyle: look.style, ...(labelled ? {} : { label: mermaidText(flow.label) }) });
        labelled = true;
      }
    }
  }
  for (const nodes of placement.nodesOf.values()) {
    const primary = nodes.find((n) => n.role === 'writer' || n.role === 'primary');
    for (const copy of nodes.filter((n) => n.role === 'reader' || n.role === 'replica')) {
      if (primary) chart.edge(primary.id, copy.id, { line: 'dotted', label: mermaidText(WORDS.replication), linkStyle: EDGE.replication.style });
    }
  }
  return chart;
}
