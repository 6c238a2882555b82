/**
 * The published JSON Schema of an archgen model (`model/architecture.schema.json`).
 * Built from code so that every property is documented; the `schema` generator writes it and
 * `archgen check` keeps the committed copy in step.
 */
import { componentSchema } from './schema-components.js';
import { arr, bool, idRef, idRefs, int, num, obj, oneOfValues, ref, str, text, texts, type JsonSchema } from './schema-dsl.js';

export const SCHEMA_ID = 'https://archgen.dev/schema/architecture.schema.json';

const range = (title: string, description: string, example: { min: number; expected: number; max: number }): JsonSchema =>
  obj({ title, description, examples: [example] }, {
    min: num({ title: 'Minimum', description: 'Low scenario.', examples: [example.min] }, { minimum: 0 }),
    expected: num({ title: 'Expected', description: 'Expected scenario.', examples: [example.expected] }, { minimum: 0 }),
    max: num({ title: 'Maximum', description: 'High scenario.', examples: [example.max] }, { minimum: 0 }),
  }, ['min', 'expected', 'max']);

const rule = (direction: 'ingress' | 'egress'): JsonSchema =>
  obj({ title: direction === 'ingress' ? 'Inbound rule' : 'Outbound rule', description: 'Peer (security group or CIDR), protocol and port or port range.' }, {
    securityGroup: idRef({ title: 'Peer security group', description: 'The other security group.', examples: ['alb-sg'] }),
    cidr: ref({ title: 'Peer CIDR', description: 'IPv4 CIDR block; 0.0.0.0/0 is the whole Internet.', examples: ['0.0.0.0/0'] }, 'cidr'),
    protocol: oneOfValues({ title: 'Protocol', description: 'IP protocol; `all` means every protocol and port.', examples: ['tcp'] }, ['tcp', 'udp', 'icmp', 'all']),
    port: ref({ title: 'Port', description: 'A single port.', examples: [443] }, 'port'),
    fromPort: ref({ title: 'From port', description: 'First port of a range.', examples: [1024] }, 'port'),
    toPort: ref({ title: 'To port', description: 'Last port of a range.', examples: [65535] }, 'port'),
    description: text({ title: 'Description', description: 'Why the rule exists.', examples: ['HTTPS'] }),
  }, ['protocol'], {
    oneOf: [{ required: ['securityGroup'] }, { required: ['cidr'] }],
  });

const egress = {
  title: 'Outbound rules',
  description: '`all` (all traffic anywhere), `none` (no outbound at all) or a list of rules.',
  examples: ['all', 'none'],
  oneOf: [{ enum: ['all', 'none'] }, { type: 'array', items: rule('egress') }],
};

/** Builds the complete JSON Schema document. */
export function architectureSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'archgen architecture model',
    description: 'One AWS service architecture: network, security groups, components, flows, monitoring, cost assumptions, environments and alternatives.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'metadata', 'network', 'components'],
    properties: {
      version: oneOfValues({ title: 'Model format version', description: 'Always 1.', examples: [1] }, [1]),
      metadata: obj({ title: 'Metadata', description: 'Who owns the architecture and what it is.' }, {
        name: text({ title: 'Name', description: 'System name.', examples: ['Free point system'] }),
        title: text({ title: 'Document title', description: 'Title of the architecture document.', examples: ['AWS architecture design'] }),
        documentNumber: str({ title: 'Document number', description: 'Number of the document in its series.', examples: ['08'] }),
        description: text({ title: 'Description', description: 'What the system does and what the design aims for.', examples: ['Scalable, available and secure.'] }),
        owner: str({ title: 'Owner', description: 'Owning team.', examples: ['points-platform-team'] }),
        region: ref({ title: 'Default region', description: 'AWS region the architecture is deployed to.', examples: ['ap-northeast-2'] }, 'region'),
        tags: ref({ title: 'Tags', description: 'Tags on every resource.', examples: [{ service: 'points' }] }, 'tags'),
        styles: arr({ title: 'Architecture styles', description: 'Styles the design follows.' }, obj({ title: 'Style', description: 'An architecture style.' }, {
          id: idRef({ title: 'Style id', description: 'Short id.', examples: ['microservices'] }),
          name: text({ title: 'Name', description: 'Style name.', examples: ['Microservice architecture'] }),
          description: text({ title: 'Description', description: 'How the style applies.', examples: ['The point system runs as an independent service'] }),
        }, ['id', 'name'])),
        serviceChoices: arr({ title: 'Main AWS services', description: 'Per category, the chosen service and the options considered.' }, obj({ title: 'Service choice', description: 'A category and its choice.' }, {
          category: idRef({ title: 'Category', description: 'Category id.', examples: ['compute'] }),
          label: text({ title: 'Label', description: 'Category label.', examples: ['Compute'] }),
          chosen: str({ title: 'Chosen', description: 'Chosen service.', examples: ['ECS (Fargate)'] }),
          options: arr({ title: 'Options', description: 'Alternatives considered.', examples: [['EC2']] }, { type: 'string' }),
          optional: bool({ title: 'Optional', description: 'The category is optional.' }),
        }, ['category', 'label', 'chosen'])),
        next: obj({ title: 'Next document', description: 'Link to the next document of the series.' }, {
          title: text({ title: 'Title', description: 'Title of the next document.', examples: ['09. Test strategy'] }),
          href: str({ title: 'Link', description: 'Relative link.', examples: ['./09-test-strategy.md'] }),
        }, ['title', 'href']),
        pros: texts({ title: 'Strengths', description: 'Strengths of this architecture, for comparisons.', examples: [['No servers to manage']] }),
        cons: texts({ title: 'Weaknesses', description: 'Weaknesses of this architecture, for comparisons.', examples: [['Cold starts']] }),
      }, ['name', 'region', 'owner']),
      layout: obj({ title: 'Layout', description: 'Diagram layout options.' }, {
        direction: oneOfValues({ title: 'Direction', description: 'Main direction of the flow in diagrams.', examples: ['RIGHT'] }, ['RIGHT', 'DOWN', 'LEFT', 'UP']),
      }),
      environments: {
        title: 'Environments',
        description: 'Deployment environments (at least `prod`); the first is the default. `overrides` change sizing fields of the base model.',
        examples: [{ prod: {}, dev: { overrides: { components: { 'points-cache': { nodeType: 'cache.t3.micro' } } } } }],
        type: 'object',
        propertyNames: { $ref: '#/$defs/id' },
        minProperties: 1,
        additionalProperties: obj({ title: 'Environment', description: 'One environment.' }, {
          description: text({ title: 'Description', description: 'What the environment is for.', examples: ['Development'] }),
          overrides: obj({ title: 'Overrides', description: 'Fields that differ from the base model; objects merge, lists and values replace.' }, {
            network: { title: 'Network overrides', description: 'Network fields, e.g. `natGateways: single`.', examples: [{ natGateways: 'single' }], type: 'object' },
            components: {
              title: 'Component overrides', description: 'Per component id, the fields that differ.',
              examples: [{ 'points-api': { spot: true } }], type: 'object', additionalProperties: { type: 'object' },
            },
            cost: { title: 'Cost overrides', description: 'Cost assumptions that differ.', examples: [{ dataTransferOutGb: { min: 5, expected: 10, max: 20 } }], type: 'object' },
          }),
        }),
      },
      network: obj({ title: 'Network', description: 'The VPC, its subnets and gateways.' }, {
        vpc: obj({ title: 'VPC', description: 'The VPC.' }, {
          id: idRef({ title: 'VPC id', description: 'Model id of the VPC.', examples: ['points-vpc'] }),
          name: text({ title: 'Name', description: 'VPC name.', examples: ['Points VPC'] }),
          cidr: ref({ title: 'CIDR', description: 'IPv4 CIDR of the VPC.', examples: ['10.0.0.0/16'] }, 'cidr'),
        }, ['id', 'cidr']),
        availabilityZones: arr({ title: 'Availability zones', description: 'AZs used, in order.', examples: [['ap-northeast-2a', 'ap-northeast-2c']] },
          { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d[a-z]$' }, { minItems: 1, uniqueItems: true }),
        subnets: arr({ title: 'Subnets', description: 'Subnets of the VPC.' }, obj({ title: 'Subnet', description: 'One subnet in one AZ.' }, {
          id: idRef({ title: 'Subnet id', description: 'Model id.', examples: ['private-a'] }),
          name: text({ title: 'Name', description: 'Display name.', examples: ['Private subnet (AZ-1)'] }),
          tier: oneOfValues({ title: 'Tier', description: 'public: route to the internet gateway; private: through NAT; isolated: no Internet.', examples: ['private'] }, ['public', 'private', 'isolated']),
          az: str({ title: 'Availability zone', description: 'One of `availabilityZones`.', examples: ['ap-northeast-2a'] }),
          cidr: ref({ title: 'CIDR', description: 'Subnet CIDR inside the VPC CIDR.', examples: ['10.0.10.0/24'] }, 'cidr'),
        }, ['id', 'tier', 'az', 'cidr']), { minItems: 1 }),
        internetGateway: bool({ title: 'Internet gateway', description: 'Attach an internet gateway.' }),
        natGateways: oneOfValues({ title: 'NAT gateways', description: 'One per AZ, a single one, or none.', examples: ['per-az'] }, ['per-az', 'single', 'none']),
        dnsZone: obj({ title: 'DNS zone', description: 'Hosted zone of the service.' }, {
          name: str({ title: 'Zone name', description: 'Domain.', examples: ['points.example.com'] }),
          private: bool({ title: 'Private', description: 'Private hosted zone.' }),
        }, ['name']),
        flowLogs: bool({ title: 'VPC flow logs', description: 'Capture VPC flow logs.' }),
      }, ['vpc', 'availabilityZones', 'subnets']),
      securityGroups: arr({ title: 'Security groups', description: 'Security groups and their rules.' }, obj({ title: 'Security group', description: 'A security group.' }, {
        id: idRef({ title: 'Id', description: 'Model id.', examples: ['ecs-sg'] }),
        name: text({ title: 'Name', description: 'Display name.', examples: ['ECS Security Group'] }),
        description: text({ title: 'Description', description: 'Purpose.', examples: ['Application port from the ALB only'] }),
        ingress: arr({ title: 'Inbound rules', description: 'Allowed inbound traffic.' }, rule('ingress')),
        egress,
      }, ['id', 'name'])),
      components: arr({ title: 'Components', description: 'The building blocks of the architecture.' }, { $ref: '#/$defs/component' }, { minItems: 1 }),
      connections: arr({ title: 'Connections', description: 'Flows between components.' }, obj({ title: 'Connection', description: 'A flow from one component to another.' }, {
        id: idRef({ title: 'Id', description: 'Unique id.', examples: ['alb-api'] }),
        from: idRef({ title: 'From', description: 'Calling component.', examples: ['points-alb'] }),
        to: idRef({ title: 'To', description: 'Called component.', examples: ['points-api'] }),
        protocol: str({ title: 'Protocol', description: 'Application protocol.', examples: ['HTTPS'] }),
        port: ref({ title: 'Port', description: 'Destination port.', examples: [8080] }, 'port'),
        purpose: text({ title: 'Purpose', description: 'What flows.', examples: ['read → replica'] }),
        kind: oneOfValues({ title: 'Kind', description: 'Request, read/write split, replication, control or async.', examples: ['read'] }, ['request', 'read', 'write', 'replication', 'control', 'async']),
        condition: text({ title: 'Condition', description: 'When the flow happens.', examples: ['cache miss'] }),
      }, ['id', 'from', 'to', 'protocol'])),
      monitoring: obj({ title: 'Monitoring', description: 'Metrics, alarms and logging.' }, {
        metrics: arr({ title: 'Metrics', description: 'Watched metrics per component.' }, obj({ title: 'Metric set', description: 'Metrics of one component.' }, {
          component: idRef({ title: 'Component', description: 'Component id.', examples: ['points-api'] }),
          metrics: arr({ title: 'Metrics', description: 'CloudWatch metrics.' }, obj({ title: 'Metric', description: 'One metric.' }, {
            name: str({ title: 'Metric name', description: 'CloudWatch metric name.', examples: ['CPUUtilization'] }),
            label: text({ title: 'Label', description: 'Display label.', examples: ['CPU'] }),
          }, ['name'])),
        }, ['component', 'metrics'])),
        alarms: arr({ title: 'Alarms', description: 'CloudWatch alarms.' }, obj({ title: 'Alarm', description: 'Metric, comparison, threshold, period.' }, {
          id: idRef({ title: 'Id', description: 'Unique id.', examples: ['high-cpu'] }),
          name: text({ title: 'Name', description: 'Alarm name.', examples: ['High CPU Usage'] }),
          component: idRef({ title: 'Component', description: 'Watched component.', examples: ['points-api'] }),
          metric: str({ title: 'Metric', description: 'CloudWatch metric, or ErrorRate / DatabaseConnectionsPercent.', examples: ['CPUUtilization'] }),
          statistic: oneOfValues({ title: 'Statistic', description: 'Aggregation.', examples: ['Average'] }, ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount']),
          comparison: oneOfValues({ title: 'Comparison', description: 'Comparison with the threshold.', examples: ['>'] }, ['>', '>=', '<', '<=']),
          threshold: num({ title: 'Threshold', description: 'Threshold value.', examples: [80] }),
          unit: oneOfValues({ title: 'Unit', description: 'Unit of the threshold.', examples: ['percent'] }, ['percent', 'count', 'milliseconds', 'bytes']),
          periodSeconds: int({ title: 'Period', description: 'Seconds per evaluation period (a multiple of 60).', examples: [300] }, { minimum: 10 }),
          evaluationPeriods: int({ title: 'Evaluation periods', description: 'Periods the condition must hold.', examples: [1] }, { minimum: 1 }),
          topic: idRef({ title: 'Topic', description: 'Notification topic component.', examples: ['points-alerts'] }),
        }, ['id', 'name', 'component', 'metric', 'comparison', 'threshold', 'periodSeconds'])),
        logging: obj({ title: 'Logging', description: 'Log collection.' }, {
          logGroups: idRefs({ title: 'Log groups', description: 'Log group components.', examples: [['points-api-logs']] }),
          structured: bool({ title: 'Structured', description: 'JSON structured logs.' }),
          description: text({ title: 'Description', description: 'How logs are collected.', examples: ['Application logs in CloudWatch Logs'] }),
        }),
        customMetrics: int({ title: 'Custom metrics', description: 'Custom CloudWatch metrics (billed).', examples: [5] }, { minimum: 0 }),
      }),
      security: obj({ title: 'Security design', description: 'Security principles of the design.' }, {
        principles: texts({ title: 'Network security', description: 'Network security principles.', examples: [['VPC: an isolated network']] }),
        dataProtection: texts({ title: 'Data protection', description: 'Encryption and secrets.', examples: [['TLS 1.2 or later']] }),
        accessControl: texts({ title: 'Access control', description: 'IAM principles.', examples: [['Least privilege']] }),
      }),
      cost: obj({ title: 'Cost assumptions', description: 'Usage figures the estimate multiplies prices by.' }, {
        hoursPerMonth: num({ title: 'Hours per month', description: 'Hours billed per month.', examples: [730] }, { exclusiveMinimum: 0, maximum: 744 }),
        requestsPerMonth: range('Requests per month', 'HTTP requests per month.', { min: 1000000, expected: 10000000, max: 50000000 }),
        dataTransferOutGb: range('Data transfer out', 'GB sent to the Internet per month.', { min: 100, expected: 300, max: 550 }),
        natProcessedGb: range('NAT processed', 'GB through NAT gateways per month.', { min: 20, expected: 50, max: 200 }),
        albLcu: range('ALB LCUs', 'Average load balancer capacity units.', { min: 1, expected: 2, max: 4 }),
        reference: arr({ title: 'Reference ranges', description: 'Rough ranges from the design document, compared with the computed estimate.' }, obj({ title: 'Reference range', description: 'A rough monthly range in USD.' }, {
          id: idRef({ title: 'Id', description: 'Unique id.', examples: ['ecs'] }),
          label: text({ title: 'Label', description: 'Line label.', examples: ['ECS Fargate'] }),
          components: idRefs({ title: 'Components', description: 'Components covered (empty: not tied to components).', examples: [['points-api']] }),
          min: num({ title: 'Min', description: 'USD per month.', examples: [50] }, { minimum: 0 }),
          max: num({ title: 'Max', description: 'USD per month.', examples: [200] }, { minimum: 0 }),
          note: text({ title: 'Note', description: 'Remark.', examples: ['depending on traffic'] }),
        }, ['id', 'label', 'min', 'max'])),
        optimizations: arr({ title: 'Cost optimizations', description: 'Planned savings.' }, obj({ title: 'Optimization', description: 'A saving.' }, {
          kind: oneOfValues({ title: 'Kind', description: 'Kind of saving.', examples: ['reserved'] }, ['reserved', 'spot', 'right-sizing', 'savings-plan']),
          description: text({ title: 'Description', description: 'What is done.', examples: ['RDS reserved instances (1 or 3 years)'] }),
          environments: arr({ title: 'Environments', description: 'Where it applies (empty: all).', examples: [['dev']] }, { type: 'string' }),
        }, ['kind', 'description'])),
      }),
      alternatives: arr({ title: 'Alternative architectures', description: 'Alternatives considered, each optionally with its own model.' }, obj({ title: 'Alternative', description: 'An alternative architecture.' }, {
        id: idRef({ title: 'Id', description: 'Unique id.', examples: ['serverless'] }),
        name: text({ title: 'Name', description: 'Name.', examples: ['Serverless architecture'] }),
        model: str({ title: 'Model file', description: 'Its own model, relative to this file.', examples: ['point-system-serverless.yaml'] }, { pattern: '^[A-Za-z0-9._-]+\\.ya?ml$' }),
        optional: bool({ title: 'Optional', description: 'An optional alternative.' }),
        services: texts({ title: 'Services', description: 'Services it uses.', examples: [['Lambda: business logic']] }),
        pros: texts({ title: 'Pros', description: 'Advantages.', examples: [['No servers to manage']] }),
        cons: texts({ title: 'Cons', description: 'Disadvantages.', examples: [['Cold starts']] }),
      }, ['id', 'name'])),
      documentation: obj({ title: 'Documentation', description: 'How diagrams are kept.' }, {
        diagramTools: texts({ title: 'Diagram tools', description: 'Tools used for diagrams.', examples: [['draw.io']] }),
        iconSet: text({ title: 'Icon set', description: 'Icons used.', examples: ['AWS Architecture Icons'] }),
        resourceDir: str({ title: 'Resource folder', description: 'Where diagram files are saved.', examples: ['resource/'] }),
      }),
      suppressions: arr({ title: 'Lint suppressions', description: 'Findings accepted on purpose; each needs a reason.' }, obj({ title: 'Suppression', description: 'One accepted finding.' }, {
        rule: str({ title: 'Rule id', description: 'Lint rule id.', examples: ['sec/world-open-port'] }, { pattern: '^[a-z]+/[a-z0-9-]+$' }),
        target: idRef({ title: 'Target', description: 'Model id the finding is about.', examples: ['alb-sg'] }),
        reason: str({ title: 'Reason', description: 'Why the finding is accepted (at least 10 characters).', examples: ['Public endpoint by design'] }, { minLength: 10 }),
      }, ['rule', 'target', 'reason'])),
    },
    $defs: {
      id: { title: 'Id', description: 'Lowercase id: letters, digits and dashes.', examples: ['points-api'], type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
      text: {
        title: 'Text', description: 'A string, or the same text per locale (`ko`, `en`).', examples: ['ALB', { ko: '사용자', en: 'Users' }],
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'object', additionalProperties: false, minProperties: 1, properties: { ko: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } } },
        ],
      },
      port: { title: 'Port', description: 'TCP/UDP port 1–65535.', examples: [443], type: 'integer', minimum: 1, maximum: 65535 },
      cidr: {
        title: 'CIDR', description: 'IPv4 CIDR block.', examples: ['10.0.0.0/16'], type: 'string',
        pattern: '^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}/(3[0-2]|[12]?\\d)$',
      },
      region: { title: 'Region', description: 'AWS region code.', examples: ['ap-northeast-2'], type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' },
      tags: { title: 'Tags', description: 'String keys and values.', examples: [{ team: 'points' }], type: 'object', additionalProperties: { type: 'string' } },
      component: componentSchema(),
    },
  };
}
