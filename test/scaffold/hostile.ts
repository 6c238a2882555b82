/** A seed-based model whose free text tries to break out of every generated context. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { root } from './helpers.js';

/** Quotes, backticks, template and comment terminators, line breaks, HTML and Markdown table syntax. */
export const EVIL = 'x\'"`; process.exit(7); /* */ // ${process.exit(8)}\n</script><b>|cell|</b>\u2028*/ {{ts}} \\';

export async function hostileModel(): Promise<ArchitectureModel> {
  const raw = parse(await readFile(path.join(root, 'model/point-system.yaml'), 'utf8'));
  raw.metadata.name = { ko: EVIL, en: EVIL };
  raw.metadata.description = { ko: EVIL, en: EVIL };
  raw.metadata.tags.service = EVIL;
  raw.environments.prod.description = { ko: EVIL, en: EVIL };
  raw.securityGroups[0].description = { ko: EVIL, en: EVIL };
  raw.securityGroups[0].ingress[0].description = EVIL;
  const api = raw.components.find((c: { id: string }) => c.id === 'points-api');
  api.container.environment.GREETING = EVIL;
  api.name = { ko: EVIL, en: EVIL };
  raw.monitoring.alarms[0].name = EVIL;
  const result = loadModelFromBytes('model/point-system.yaml', Buffer.from(stringify(raw), 'utf8'));
  if (!result.model) throw new Error(`hostile model does not validate: ${JSON.stringify(result.diagnostics)}`);
  return result.model;
}
