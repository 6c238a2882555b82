/**
 * The view of one model in one locale: every figure the document shows, computed from the model
 * and the other generators' pure functions. Templates only lay it out.
 */
import type { ArchitectureModel, Locale } from '../../model/types.js';
import type { Messages } from '../locale.js';
import { alternativesView } from './alternatives.js';
import { computeView } from './compute.js';
import type { ViewContext } from './context.js';
import { say } from './context.js';
import { costView } from './cost.js';
import { dataView } from './data.js';
import { diagramsView } from './diagrams.js';
import { edgeView } from './edge.js';
import { networkView } from './network.js';
import { availabilityView, deploymentView, monitoringView, scalingView } from './operations.js';
import { overviewView } from './overview.js';
import { securityView } from './security.js';

export interface DocViewInputs {
  readonly models: readonly ArchitectureModel[];
  readonly inputs: ReadonlyMap<string, string>;
}

export function buildDocView(model: ArchitectureModel, locale: Locale, messages: Messages, extra: DocViewInputs) {
  const env = model.environments[model.defaultEnvironment]!;
  const ctx: ViewContext = { model, env, locale, messages };
  const next = env.metadata.next;
  return {
    locale,
    otherLocale: locale === 'ko' ? 'en' : 'ko',
    modelId: model.id,
    overview: overviewView(ctx),
    diagrams: diagramsView(ctx, extra.inputs),
    compute: computeView(ctx),
    data: dataView(ctx),
    edge: edgeView(ctx),
    network: networkView(ctx),
    security: securityView(ctx),
    scaling: scalingView(ctx),
    availability: availabilityView(ctx),
    monitoring: monitoringView(ctx),
    cost: costView(ctx, extra.inputs),
    deployment: deploymentView(ctx),
    alternatives: alternativesView(ctx, extra.models, extra.inputs),
    next: next ? { title: say(ctx, next.title), href: next.href } : undefined,
  };
}

export type DocView = ReturnType<typeof buildDocView>;
