/** Which pages a model's diagram has: environments whose drawing differs get their own page. */
import type { ArchitectureModel } from '../../model/types.js';
import { architecturePage } from './architecture.js';
import { cicdPage } from './cicd.js';
import { networkPage } from './network.js';
import { securityPage } from './security.js';
import type { DiagramPage } from './diagram.js';

/** A page's shape without its id prefix: two environments with the same signature draw the same. */
function signature(page: DiagramPage): string {
  const strip = (id: string) => id.slice(id.indexOf('/'));
  const nodes: string[] = [];
  const visit = (list: DiagramPage['nodes']) => list.forEach((n) => { nodes.push(`${strip(n.id)}|${n.label.join('/')}`); visit(n.children); });
  visit(page.nodes);
  return JSON.stringify([nodes, page.edges.map((e) => `${strip(e.id)}|${strip(e.source)}|${strip(e.target)}|${e.label.join('/')}`), page.direction]);
}

/** One page per environment, unless it draws exactly like the default environment. */
function perEnvironment(model: ArchitectureModel, base: string, title: string, build: (env: string, id: string, name: string) => DiagramPage): DiagramPage[] {
  const main = build(model.defaultEnvironment, base, title);
  const pages = [main];
  const seen = new Set([signature(main)]);
  for (const env of model.environmentNames) {
    if (env === model.defaultEnvironment) continue;
    const page = build(env, `${base}-${env}`, `${title} (${env})`);
    const sig = signature(page);
    if (seen.has(sig)) continue;
    seen.add(sig);
    pages.push(page);
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
