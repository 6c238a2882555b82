/**
 * The pure part of `archgen scaffold`: one environment of a model → every file of a CDK v2
 * TypeScript app in the `cdk init app --language typescript` layout. No I/O: templates,
 * pinned versions and feature flags come in as arguments.
 */
import { UserError } from '../diagnostics/diagnostic.js';
import type { ArchitectureModel } from '../model/types.js';
import { stableJson } from '../output/stable-json.js';
import { buildScaffoldConfig } from './config.js';
import { kebabCase, pascalCase, plainText } from './names.js';
import type { NotExpressed } from './not-expressed.js';
import { withHeader, type Ownership } from './ownership.js';
import { createRenderer } from './render.js';

/** Exact versions the generated `package.json` pins (those installed next to archgen). */
export interface PinnedVersions {
  readonly awsCdkLib: string;
  readonly constructs: string;
  readonly awsCdk: string;
  readonly cdkNag: string;
  readonly typescript: string;
  readonly tsx: string;
  readonly typesNode: string;
}

export interface ScaffoldOptions {
  readonly environment: string;
  /** Template sources keyed by path relative to `templates/cdk/`, e.g. `lib/generated/network.ts.hbs`. */
  readonly templates: ReadonlyMap<string, string>;
  readonly versions: PinnedVersions;
  /** CDK feature flags for `cdk.json`, as `cdk init` writes them for the pinned aws-cdk-lib. */
  readonly featureFlags: Readonly<Record<string, unknown>>;
}

export interface ScaffoldFile {
  /** POSIX path relative to the app folder. */
  readonly path: string;
  readonly content: string;
  readonly ownership: Ownership;
}

export interface ScaffoldResult {
  readonly files: readonly ScaffoldFile[];
  readonly notExpressed: readonly NotExpressed[];
  /** File stem of `bin/<app>.ts`. */
  readonly appFile: string;
  readonly stackName: string;
}

const GENERATED_TEMPLATES = [
  'lib/generated/types.ts', 'lib/generated/config.ts', 'lib/generated/network.ts', 'lib/generated/data.ts',
  'lib/generated/cache.ts', 'lib/generated/compute.ts', 'lib/generated/edge.ts', 'lib/generated/monitoring.ts',
  'lib/generated/pipeline.ts', 'lib/generated/nag.ts', 'lib/generated/architecture-stack.ts', 'lib/generated/REPORT.md', 'test/generated/architecture.test.ts',
] as const;

export function scaffoldApp(model: ArchitectureModel, options: ScaffoldOptions): ScaffoldResult {
  const { environment } = options;
  if (!model.environments[environment]) {
    throw new UserError(`model ${model.id} has no environment "${environment}"`, [{
      file: model.source.file, line: 1, col: 1, rule: 'scaffold/unknown-environment', severity: 'error',
      message: `unknown environment "${environment}"`, hint: `choose one of: ${model.environmentNames.join(', ')}`,
    }]);
  }
  const env = model.environments[environment]!;
  const { config, notExpressed } = buildScaffoldConfig(model, environment);
  const appFile = kebabCase(model.id);
  const stackClass = `${pascalCase(model.id, 'App')}Stack`;
  const data = {
    appFile,
    stackClass,
    environment,
    modelId: model.id,
    title: `${env.metadata.name.en} — ${env.metadata.title.en}`,
    name: env.metadata.name.en,
    description: plainText(`${env.metadata.name.en} (${environment}): ${env.metadata.description.en}`, 1000),
    versions: options.versions,
    hasPipeline: config.pipeline !== undefined,
    zoneName: config.dns?.zoneName ?? 'the zone',
    notExpressed,
    configJson: stableJson(config, { sortKeys: false }).trimEnd(),
  };
  const render = createRenderer(options.templates);
  const source = `model ${model.id} (environment ${environment})`;
  const files: ScaffoldFile[] = GENERATED_TEMPLATES.map((path) => ({
    path,
    content: withHeader(path, render(`${path}.hbs`, data), source),
    ownership: 'generated',
  }));
  const user = (path: string, content: string) => files.push({ path, content, ownership: 'user' });
  user('README.md', render('README.md.hbs', data));
  user(`bin/${appFile}.ts`, render('bin/app.ts.hbs', data));
  user(`lib/${appFile}-stack.ts`, render('lib/app-stack.ts.hbs', data));
  user(`test/${appFile}.test.ts`, render('test/app.test.ts.hbs', data));
  user('package.json', packageJson(appFile, options.versions));
  user('cdk.json', cdkJson(appFile, options.featureFlags));
  user('tsconfig.json', tsconfigJson());
  user('.gitignore', 'node_modules/\ncdk.out/\n.cdk.staging/\n*.js\n*.d.ts\n');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, notExpressed, appFile, stackName: config.stackName };
}

function packageJson(appFile: string, v: PinnedVersions): string {
  return stableJson({
    name: appFile,
    version: '0.1.0',
    private: true,
    scripts: {
      build: 'tsc --noEmit',
      test: 'node --import tsx --test test/*.test.ts test/generated/*.test.ts',
      cdk: 'cdk',
      synth: 'cdk synth',
    },
    dependencies: { 'aws-cdk-lib': v.awsCdkLib, 'cdk-nag': v.cdkNag, constructs: v.constructs },
    devDependencies: { '@types/node': v.typesNode, 'aws-cdk': v.awsCdk, tsx: v.tsx, typescript: v.typescript },
  }, { sortKeys: false });
}

function cdkJson(appFile: string, flags: Readonly<Record<string, unknown>>): string {
  return stableJson({
    app: `npx tsx bin/${appFile}.ts`,
    watch: { include: ['**'], exclude: ['README.md', 'cdk*.json', '**/*.d.ts', '**/*.js', 'tsconfig.json', 'package*.json', 'node_modules', 'test'] },
    context: Object.fromEntries(Object.entries(flags).sort(([a], [b]) => (a < b ? -1 : 1))),
  }, { sortKeys: false });
}

function tsconfigJson(): string {
  return stableJson({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['es2022'],
      types: ['node'],
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
    },
    exclude: ['node_modules', 'cdk.out'],
  }, { sortKeys: false });
}
