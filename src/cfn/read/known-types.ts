/**
 * Resource types archgen knows: the ones its model describes, and the plumbing around them that
 * CDK and hand-written templates add (roles, policies, routes, custom-resource handlers). Any
 * other type is read like the rest but reported as a warning: archgen will not compare it.
 */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  'AWS::EC2': ['VPC', 'Subnet', 'RouteTable', 'SubnetRouteTableAssociation', 'Route', 'EIP', 'NatGateway', 'InternetGateway', 'VPCGatewayAttachment',
    'SecurityGroup', 'SecurityGroupIngress', 'SecurityGroupEgress', 'VPCEndpoint', 'FlowLog', 'NetworkAcl', 'NetworkAclEntry', 'SubnetNetworkAclAssociation',
    'LaunchTemplate', 'Instance', 'EgressOnlyInternetGateway', 'VPCCidrBlock', 'PrefixList', 'TransitGatewayAttachment'],
  'AWS::ElasticLoadBalancingV2': ['LoadBalancer', 'Listener', 'ListenerRule', 'ListenerCertificate', 'TargetGroup'],
  'AWS::ECS': ['Cluster', 'ClusterCapacityProviderAssociations', 'CapacityProvider', 'Service', 'TaskDefinition'],
  'AWS::ECR': ['Repository', 'RepositoryCreationTemplate'],
  'AWS::ApplicationAutoScaling': ['ScalableTarget', 'ScalingPolicy'],
  'AWS::AutoScaling': ['AutoScalingGroup', 'LaunchConfiguration', 'ScalingPolicy', 'LifecycleHook'],
  'AWS::RDS': ['DBCluster', 'DBInstance', 'DBSubnetGroup', 'DBClusterParameterGroup', 'DBParameterGroup', 'DBProxy', 'DBProxyTargetGroup', 'OptionGroup'],
  'AWS::ElastiCache': ['ReplicationGroup', 'CacheCluster', 'SubnetGroup', 'ParameterGroup', 'ServerlessCache', 'User', 'UserGroup'],
  'AWS::SecretsManager': ['Secret', 'SecretTargetAttachment', 'RotationSchedule', 'ResourcePolicy'],
  'AWS::Logs': ['LogGroup', 'LogStream', 'MetricFilter', 'SubscriptionFilter', 'ResourcePolicy'],
  'AWS::CloudWatch': ['Alarm', 'CompositeAlarm', 'Dashboard'],
  'AWS::SNS': ['Topic', 'TopicPolicy', 'Subscription'],
  'AWS::SQS': ['Queue', 'QueuePolicy'],
  'AWS::Route53': ['HostedZone', 'RecordSet', 'RecordSetGroup', 'HealthCheck'],
  'AWS::CertificateManager': ['Certificate'],
  'AWS::CloudFront': ['Distribution', 'OriginAccessControl', 'CloudFrontOriginAccessIdentity', 'CachePolicy', 'OriginRequestPolicy', 'ResponseHeadersPolicy', 'Function'],
  'AWS::WAFv2': ['WebACL', 'WebACLAssociation', 'IPSet', 'RuleGroup'],
  'AWS::S3': ['Bucket', 'BucketPolicy'],
  'AWS::KMS': ['Key', 'Alias'],
  'AWS::IAM': ['Role', 'Policy', 'ManagedPolicy', 'InstanceProfile', 'ServiceLinkedRole', 'OIDCProvider', 'User', 'Group'],
  'AWS::SSM': ['Parameter'],
  'AWS::Lambda': ['Function', 'Permission', 'EventSourceMapping', 'Url', 'Version', 'Alias', 'LayerVersion', 'EventInvokeConfig'],
  'AWS::ApiGateway': ['RestApi', 'Resource', 'Method', 'Deployment', 'Stage', 'Account', 'Authorizer', 'DomainName', 'BasePathMapping', 'UsagePlan', 'ApiKey', 'UsagePlanKey'],
  'AWS::ApiGatewayV2': ['Api', 'Stage', 'Integration', 'Route', 'Authorizer', 'DomainName', 'ApiMapping', 'VpcLink'],
  'AWS::DynamoDB': ['Table', 'GlobalTable'],
  'AWS::EKS': ['Cluster', 'Nodegroup', 'FargateProfile', 'Addon', 'AccessEntry', 'PodIdentityAssociation'],
  'AWS::Events': ['Rule', 'EventBus'],
  'AWS::Scheduler': ['Schedule'],
  'AWS::StepFunctions': ['StateMachine'],
  'AWS::Cognito': ['UserPool', 'UserPoolClient', 'UserPoolDomain', 'IdentityPool'],
  'AWS::CodeBuild': ['Project'],
  'AWS::CodeDeploy': ['Application', 'DeploymentGroup', 'DeploymentConfig'],
  'AWS::CodePipeline': ['Pipeline'],
  'AWS::CodeStarConnections': ['Connection'],
  'AWS::CodeCommit': ['Repository'],
  'AWS::Serverless': ['Function', 'Api', 'HttpApi', 'SimpleTable', 'LayerVersion', 'StateMachine', 'Application'],
  'AWS::CDK': ['Metadata'],
  'AWS::CloudFormation': ['Stack', 'CustomResource', 'WaitCondition', 'WaitConditionHandle'],
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.entries(KNOWN).flatMap(([prefix, names]) => names.map((name) => `${prefix}::${name}`)));

/**
 * Whether archgen knows `type`. Custom resources (`Custom::…`) count as known: they are
 * CDK's and teams' own plumbing, and a warning for each would drown the useful ones.
 */
export function isKnownResourceType(type: string): boolean {
  return KNOWN_TYPES.has(type) || type.startsWith('Custom::');
}
