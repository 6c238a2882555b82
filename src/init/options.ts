/** What `archgen init` needs to know, checked before anything is written. */
import { UserError } from '../diagnostics/diagnostic.js';

export interface InitOptions {
  /** System name shown in documents and diagrams. */
  readonly name: string;
  readonly region: string;
  /** Availability zones to spread over (1–3). */
  readonly azs: number;
  /** Model file to write, relative to the project root. @default model/<slug of name>.yaml */
  readonly out: string;
}

export const DEFAULTS = { name: 'My service', region: 'ap-northeast-2', azs: 2 } as const;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Lowercase id from a name: letters, digits and dashes (`Free Points` → `free-points`). */
export function slugOf(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `app${slug ? `-${slug}` : ''}`;
}

const problem = (option: string, message: string, hint: string) =>
  new UserError(`invalid --${option}: ${message}`, [{ file: '<command line>', line: 1, col: 1, rule: `init/invalid-${option}`, severity: 'error', message, hint }]);

/** Fills defaults and checks every option; throws a {@link UserError} naming the bad one. */
export function resolveInitOptions(given: { name?: string; region?: string; azs?: string | number; out?: string }): InitOptions {
  const name = (given.name ?? DEFAULTS.name).trim();
  if (!name) throw problem('name', 'the name is empty', 'give the system a name, e.g. --name "Free points"');
  const region = (given.region ?? DEFAULTS.region).trim();
  if (!REGION.test(region)) throw problem('region', `"${region}" is not an AWS region code`, 'use a region code such as ap-northeast-2 or us-east-1');
  const azs = Number(given.azs ?? DEFAULTS.azs);
  if (!Number.isInteger(azs) || azs < 1 || azs > 3) throw problem('azs', `"${given.azs}" is not 1, 2 or 3`, 'use --azs 2 for a multi-AZ design, 1 for a development sandbox');
  const out = (given.out ?? `model/${slugOf(name)}.yaml`).trim();
  if (!/\.ya?ml$/i.test(out)) throw problem('out', `"${out}" is not a .yaml file`, 'name the model file, e.g. --out model/my-service.yaml');
  return { name, region, azs, out };
}
