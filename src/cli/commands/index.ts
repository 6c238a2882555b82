/** The one place CLI commands are plugged in. */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerCheck } from './check.js';
import { registerCompare } from './compare.js';
import { registerCost } from './cost.js';
import { registerGenerate } from './generate.js';
import { registerInit } from './init.js';
import { registerPricing } from './pricing.js';
import { registerRender } from './render.js';
import { registerScaffold } from './scaffold.js';
import { registerSchema } from './schema.js';
import { registerSecurity } from './security.js';
import { registerSite } from './site.js';
import { registerValidate } from './validate.js';
import { registerWatch } from './watch.js';

export const commandRegistrars: readonly ((program: Command, context: CommandContext) => void)[] = [
  registerValidate,
  registerGenerate,
  registerCheck,
  registerSchema,
  registerSecurity,
  registerSite,
  registerWatch,
  registerCost,
  registerPricing,
  registerScaffold,
  registerRender,
  registerCompare,
  registerInit,
];
