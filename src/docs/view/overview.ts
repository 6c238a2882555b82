/** Sections 1–2: overview, environments, architecture styles and the services chosen. */
import type { ViewContext } from './context.js';
import { envLabel, say } from './context.js';
import { environmentDifferences } from './environments.js';

export function overviewView(ctx: ViewContext) {
  const m = ctx.env.metadata;
  return {
    title: say(ctx, m.title),
    documentNumber: m.documentNumber,
    systemName: say(ctx, m.name),
    description: say(ctx, m.description),
    owner: m.owner,
    region: m.region,
    modelFile: ctx.model.source.file,
    environment: { name: ctx.env.name, label: envLabel(ctx, ctx.env.name), description: say(ctx, ctx.env.description) },
    environments: ctx.model.environmentNames.map((name) => ({
      name, label: envLabel(ctx, name), description: say(ctx, ctx.model.environments[name]!.description), isDefault: name === ctx.env.name,
    })),
    environmentDifferences: environmentDifferences(ctx),
    styles: m.styles.map((s) => ({ name: say(ctx, s.name), description: say(ctx, s.description) })),
    services: m.serviceChoices.map((s) => ({ label: say(ctx, s.label), chosen: s.chosen, options: s.options, optional: s.optional })),
    pros: m.pros.map((p) => say(ctx, p)),
    cons: m.cons.map((c) => say(ctx, c)),
  };
}
