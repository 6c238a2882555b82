/** Which pages a model's diagram has: environments whose drawing differs get their own page. */
import type { ArchitectureModel } from '../../model/types.js';
import { architecturePage } from './architecture.js';
import { cicdPage } from './cicd.js';
import { networkPage } from './network.js';
import { securityPage } from './security.js';
import { walk, type DiagramEdge, type DiagramNode, type DiagramPage } from './diagram.js';

/** An id without its page prefix. */
const strip = (id: string): string => id.slice(id.indexOf('/'));

const sameParts = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * Whether two pages draw the same once their id prefixes are stripped: the same nodes (id and
 * label, depth first) and edges (id, ends, label) in the same order, and the same direction —
 * compared as the text `id|label lines joined by /`, field by field first so that equal pages
 * are never serialized and different ones stop at the first difference.
 */
function samePage(a: DiagramPage, b: DiagramPage): boolean {
  if (a.direction !== b.direction || a.edges.length !== b.edges.length) return false;
  const xs = walk(a.nodes);
  const ys = walk(b.nodes);
  if (xs.length !== ys.length) return false;
  const sameNode = (x: DiagramNode, y: DiagramNode): boolean =>
    (strip(x.id) === strip(y.id) && sameParts(x.label, y.label)) || `${strip(x.id)}|${x.label.join('/')}` === `${strip(y.id)}|${y.label.join('/')}`;
  const sameEdge = (x: DiagramEdge, y: DiagramEdge): boolean =>
    (strip(x.id) === strip(y.id) && strip(x.source) === strip(y.source) && strip(x.target) === strip(y.target) && sameParts(x.label, y.label))
    || `${strip(x.id)}|${strip(x.source)}|${strip(x.target)}|${x.label.join('/')}` === `${strip(y.id)}|${strip(y.source)}|${strip(y.target)}|${y.label.join('/')}`;
  return xs.every((x, i) => sameNode(x, ys[i]!)) && a.edges.every((x, i) => sameEdge(x, b.edges[i]!));
}

/** One page per environment, unless it draws exactly like one already kept. */
function perEnvironment(model: ArchitectureModel, base: string, title: string, build: (env: string, id: string, name: string) => DiagramPage): DiagramPage[] {
  const main = build(model.defaultEnvironment, base, title);
  const pages = [main];
  for (const env of model.environmentNames) {
    if (env === model.defaultEnvironment) continue;
    const page = build(env, `${base}-${env}`, `${title} (${env})`);
    if (!pages.some((kept) => samePage(kept, page))) pages.push(page);
  }
  return pages;
}

export function buildPages(model: ArchitectureModel): DiagramPage[] {
  return [
    ...perEnvironment(model, 'architecture', 'Architecture', (env, id, name) => architecturePage(model.environments[env]!, id, name)),
    ...perEnvironment(model, 'network', 'Network', (env, id, name) => networkPage(model.environments[env]!, id, name)),
    ...perEnvironment(model, 'security-groups', 'Security groups', (env, id, name) => securityPage(model.environments[env]!, id, name)),
    ...perEnvironment(model, 'cicd', 'CI/CD', (env, id, name) => cicdPage(model.environments[env]!, id, name)),
  ];
}
