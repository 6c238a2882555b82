/** ECR repositories, CI/CD (CodePipeline, CodeBuild, CodeDeploy), Lambda, API Gateway and EKS. */
import type { ObserveContext } from './context.js';
import type { ObservedApi, ObservedFunction, ObservedKubernetesCluster, ObservedPipeline, ObservedRepository } from './types.js';
import { bool, given, items, keyOf, link, links, nameOf, num, prop, str } from './values.js';

export function observeRepositories(ctx: ObserveContext): ObservedRepository[] {
  return ctx.ofType('AWS::ECR::Repository').map((r) => {
    const scope = ctx.scope(r);
    const p = r.properties;
    const name = str(p.RepositoryName, scope);
    const mutability = str(p.ImageTagMutability, scope);
    return {
      origin: ctx.claim(r),
      supporting: [],
      ...(name ? { name } : {}),
      scanOnPush: bool(prop(p.ImageScanningConfiguration, 'ScanOnPush'), scope) ?? given(false),
      immutableTags: mutability?.kind === 'known' ? given(mutability.value === 'IMMUTABLE') : (mutability as never) ?? given(false),
    };
  });
}

export function observePipelines(ctx: ObserveContext): ObservedPipeline[] {
  const projects = ctx.ofType('AWS::CodeBuild::Project');
  const groups = ctx.ofType('AWS::CodeDeploy::DeploymentGroup');
  const applications = ctx.ofType('AWS::CodeDeploy::Application');
  return ctx.ofType('AWS::CodePipeline::Pipeline').map((pl) => {
    const scope = ctx.scope(pl);
    const stages = items(pl.properties.Stages).map((s) => ({
      name: String(prop(s, 'Name') ?? ''),
      providers: items(prop(s, 'Actions')).map((a) => String(prop(prop(a, 'ActionTypeId'), 'Provider') ?? '')),
    }));
    const referenced = new Set(links(pl.properties.Stages, scope).flatMap((l) => l.key ?? []));
    const builds = projects.filter((p) => referenced.has(keyOf(p.stackPath, p.logicalId)) || projects.length === 1);
    const deploymentGroup = groups.find((g) => referenced.has(keyOf(g.stackPath, g.logicalId))) ?? (groups.length === 1 ? groups[0] : undefined);
    const application = deploymentGroup && applications.find((a) => link(deploymentGroup.properties.ApplicationName, ctx.scope(deploymentGroup))?.key === keyOf(a.stackPath, a.logicalId));
    const platform = application?.properties.ComputePlatform;
    return {
      origin: ctx.claim(pl),
      supporting: [],
      stages,
      buildProjects: builds.map((b) => {
        const computeType = str(prop(b.properties.Environment, 'ComputeType'), ctx.scope(b));
        return { origin: ctx.claim(b), supporting: [], ...(computeType ? { computeType } : {}) };
      }),
      ...(deploymentGroup ? {
        deployment: {
          origin: ctx.claim(deploymentGroup),
          supporting: application ? [ctx.claim(application)] : [],
          ...(typeof platform === 'string' ? { platform } : {}),
          targetGroups: links(deploymentGroup.properties.LoadBalancerInfo, ctx.scope(deploymentGroup))
            .filter((l) => ctx.get(l.key)?.type === 'AWS::ElasticLoadBalancingV2::TargetGroup'),
        },
      } : {}),
    };
  });
}

/** Functions that serve custom resources (CDK providers, log retention, …) belong to what they configure. */
function isHelper(ctx: ObserveContext, key: string, logicalId: string): boolean {
  if (/^(AWS[0-9a-f]{32}|LogRetention[0-9a-f]{32}|CustomResourceProvider|SingletonLambda)/.test(logicalId)) return true;
  // Custom-resource providers, and secret rotation functions (part of the secret's rotation).
  return ctx.resources.some((r) => ((r.type.startsWith('Custom::') || r.type === 'AWS::CloudFormation::CustomResource')
    && link(r.properties.ServiceToken, ctx.scope(r))?.key === key)
    || (r.type === 'AWS::SecretsManager::RotationSchedule' && link(r.properties.RotationLambdaARN, ctx.scope(r))?.key === key));
}

export function observeFunctions(ctx: ObserveContext): ObservedFunction[] {
  return ctx.ofType('AWS::Lambda::Function', 'AWS::Serverless::Function').filter((f) => !isHelper(ctx, keyOf(f.stackPath, f.logicalId), f.logicalId)).map((f) => {
    const scope = ctx.scope(f);
    const p = f.properties;
    const opt = <K extends string, T>(key: K, value: T | undefined) => (value === undefined ? {} : { [key]: value } as Record<K, T>);
    const arch = items(p.Architectures)[0];
    const environment: Record<string, NonNullable<ReturnType<typeof str>>> = {};
    const variables = prop(p.Environment, 'Variables');
    for (const [name, value] of Object.entries(typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? variables : {})) {
      const observed = str(value, scope);
      if (observed) environment[name] = observed;
    }
    const logGroup = link(prop(p.LoggingConfig, 'LogGroup'), scope);
    return {
      origin: ctx.claim(f),
      supporting: [],
      ...opt('name', str(p.FunctionName, scope)),
      subnets: links(prop(p.VpcConfig, 'SubnetIds'), scope),
      securityGroups: links(prop(p.VpcConfig, 'SecurityGroupIds'), scope),
      ...opt('logGroup', logGroup),
      environment,
      references: links(variables ?? null, scope).filter((l) => l.key !== undefined),
      ...opt('runtime', str(p.Runtime, scope)),
      ...opt('memoryMb', num(p.MemorySize, scope)),
      ...opt('timeoutSeconds', num(p.Timeout, scope)),
      ...opt('architecture', str(arch, scope)),
    };
  });
}

export function observeApis(ctx: ObserveContext): ObservedApi[] {
  const stages = [...ctx.ofType('AWS::ApiGateway::Stage'), ...ctx.ofType('AWS::ApiGatewayV2::Stage')];
  return ctx.ofType('AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi').map((a) => {
    const key = keyOf(a.stackPath, a.logicalId);
    const own = stages.filter((s) => link(s.properties.RestApiId ?? s.properties.ApiId, ctx.scope(s))?.key === key);
    const integrations = ctx.resources
      .filter((r) => (r.type === 'AWS::ApiGateway::Method' || r.type === 'AWS::ApiGatewayV2::Integration')
        && link(r.properties.RestApiId ?? r.properties.ApiId, ctx.scope(r))?.key === key)
      .flatMap((r) => links(r.type === 'AWS::ApiGateway::Method' ? prop(r.properties.Integration, 'Uri') ?? null : r.properties.IntegrationUri ?? null, ctx.scope(r)))
      .filter((l) => ctx.get(l.key)?.type === 'AWS::Lambda::Function' || ctx.get(l.key)?.type === 'AWS::Serverless::Function');
    const throttle = own.flatMap((s) => items(s.properties.MethodSettings)
      .filter((m) => prop(m, 'ResourcePath') === '/*' || prop(m, 'ResourcePath') === undefined)
      .map((m) => prop(m, 'ThrottlingRateLimit'))
      .concat([prop(s.properties.DefaultRouteSettings, 'ThrottlingRateLimit')])
      .filter((v) => v !== undefined))[0];
    const name = str(a.properties.Name, ctx.scope(a));
    const throttleRps = throttle !== undefined ? num(throttle, ctx.scope(a)) : undefined;
    return {
      origin: ctx.claim(a),
      supporting: [],
      ...(name ? { name } : {}),
      integrations: [...new Map(integrations.map((l) => [l.key, l])).values()],
      ...(throttleRps ? { throttleRps } : {}),
      apiType: a.type.includes('V2') || a.type.endsWith('HttpApi') ? 'http' : 'rest',
      stages: own.map((s) => nameOf(s.properties.StageName, ctx.scope(s)) ?? s.logicalId),
    };
  });
}

export function observeKubernetes(ctx: ObserveContext): ObservedKubernetesCluster[] {
  const nodegroups = ctx.ofType('AWS::EKS::Nodegroup');
  return ctx.ofType('AWS::EKS::Cluster').map((c) => {
    const scope = ctx.scope(c);
    const key = keyOf(c.stackPath, c.logicalId);
    const version = str(c.properties.Version, scope);
    return {
      origin: ctx.claim(c),
      supporting: [],
      ...(version ? { version } : {}),
      nodeGroups: nodegroups.filter((n) => link(n.properties.ClusterName, ctx.scope(n))?.key === key).map((n) => {
        const s = ctx.scope(n);
        const sc = n.properties.ScalingConfig;
        const opt = <K extends string, T>(k: K, v: T | undefined) => (v === undefined ? {} : { [k]: v } as Record<K, T>);
        return {
          origin: ctx.claim(n),
          supporting: [],
          instanceTypes: items(n.properties.InstanceTypes).map(String),
          ...opt('min', num(prop(sc, 'MinSize'), s)),
          ...opt('desired', num(prop(sc, 'DesiredSize'), s)),
          ...opt('max', num(prop(sc, 'MaxSize'), s)),
          spot: n.properties.CapacityType === 'SPOT',
        };
      }),
    };
  });
}
