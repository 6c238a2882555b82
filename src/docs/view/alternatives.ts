/** Section 11: alternatives, linked to their own documents and priced when the project has their model. */
import type { ArchitectureModel } from '../../model/types.js';
import type { ViewContext } from './context.js';
import { say, sayAll } from './context.js';
import { estimateFor } from './cost.js';

export function alternativesView(ctx: ViewContext, models: readonly ArchitectureModel[], inputs: ReadonlyMap<string, string>) {
  return ctx.env.alternatives.map((a) => {
    const id = a.model?.replace(/\.ya?ml$/i, '');
    const model = id ? models.find((m) => m.id === id) : undefined;
    const estimate = model ? estimateFor(model, model.defaultEnvironment, inputs) : undefined;
    return {
      id: a.id,
      name: say(ctx, a.name),
      optional: a.optional,
      services: sayAll(ctx, a.services),
      pros: sayAll(ctx, a.pros),
      cons: sayAll(ctx, a.cons),
      modelFile: a.model,
      document: model ? `../${model.id}/architecture.${ctx.locale}.md` : undefined,
      expected: estimate?.total,
      own: model
        ? { pros: sayAll(ctx, model.environments[model.defaultEnvironment]!.metadata.pros), cons: sayAll(ctx, model.environments[model.defaultEnvironment]!.metadata.cons) }
        : undefined,
    };
  });
}
