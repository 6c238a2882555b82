/**
 * Section 3 and 12: the Mermaid diagrams (from the Mermaid generator's own functions, so the
 * document shows exactly the committed `.mmd` sources), the draw.io file and rendered images.
 */
import { DIAGRAM_KINDS } from '../../generators/mermaid/index.js';
import type { ViewContext } from './context.js';
import { trimTrailingNewlines } from '../text.js';
import { sayAll, say } from './context.js';

/** Paths of a model's diagram artifacts, relative to the project root. */
export const artifactPaths = (modelId: string) => ({
  documentDir: `output/${modelId}`,
  drawio: `resource/${modelId}.drawio`,
  mermaid: (name: string) => `output/${modelId}/diagrams/${name}.mmd`,
  rendered: (name: string, ext: 'svg' | 'png') => `output/${modelId}/rendered/${name}.${ext}`,
});

/** `to` relative to the folder `fromDir` (both project-relative POSIX paths). */
export function relativePath(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const target = to.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

export function diagramsView(ctx: ViewContext, inputs: ReadonlyMap<string, string>) {
  const paths = artifactPaths(ctx.model.id);
  const rel = (to: string) => relativePath(paths.documentDir, to);
  const diagrams = DIAGRAM_KINDS.flatMap((kind) => {
    const body = kind.body(ctx.env, { model: ctx.model, env: ctx.env.name, inputs });
    if (body === undefined) return [];
    return [{
      name: kind.name,
      title: ctx.messages.tryText(`diagrams.kind.${kind.name}`) ?? kind.title,
      mermaid: trimTrailingNewlines(body),
      source: rel(paths.mermaid(kind.name)),
      sourcePath: paths.mermaid(kind.name),
      svg: rel(paths.rendered(kind.name, 'svg')),
      svgPath: paths.rendered(kind.name, 'svg'),
      png: rel(paths.rendered(kind.name, 'png')),
      pngPath: paths.rendered(kind.name, 'png'),
    }];
  });
  const byName = (name: string) => diagrams.find((d) => d.name === name);
  return {
    drawio: rel(paths.drawio),
    drawioPath: paths.drawio,
    architecture: byName('architecture'),
    network: byName('network'),
    others: diagrams.filter((d) => !['architecture', 'network', 'cicd-pipeline', 'cost'].includes(d.name)),
    pipeline: byName('cicd-pipeline'),
    cost: byName('cost'),
    all: diagrams,
    tools: sayAll(ctx, ctx.env.documentation.diagramTools),
    iconSet: say(ctx, ctx.env.documentation.iconSet),
    resourceDir: ctx.env.documentation.resourceDir,
  };
}
