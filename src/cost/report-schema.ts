/**
 * JSON Schema of `archgen cost --report json` (and `output/<model>/cost/<env>.json`), published
 * as `model/cost-report.schema.json` by the cost generator. Mirrors {@link CostEstimate}.
 */
const money = { type: 'number' } as const;
const scenarios = {
  type: 'object',
  description: 'USD or quantity per scenario',
  required: ['min', 'expected', 'max'],
  additionalProperties: false,
  properties: { min: money, expected: money, max: money },
} as const;
const subtotal = {
  type: 'object',
  required: ['id', 'name', 'monthly', 'notPriced'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, name: { type: 'string' }, monthly: scenarios, notPriced: { type: 'integer', minimum: 0, description: 'lines of the group that are not priced' } },
} as const;

/** The schema object (draft 2020-12). */
export function costReportSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://archgen.dev/schema/cost-report.schema.json',
    title: 'archgen monthly cost estimate',
    description: 'Every figure is a quantity times a unit price traced to a Price List SKU or usage type, with its date and source; lines that cannot be priced say why in notPriced.',
    type: 'object',
    additionalProperties: false,
    required: ['model', 'environment', 'region', 'currency', 'hoursPerMonth', 'pricing', 'lines', 'components', 'layers', 'total', 'purchaseOptions', 'assumptions', 'references', 'outsideReferences', 'warnings'],
    properties: {
      $schema: { type: 'string' },
      model: { type: 'string', description: 'model id (file stem)' },
      environment: { type: 'string' },
      region: { type: 'string', description: 'AWS region the prices are for' },
      currency: { const: 'USD' },
      hoursPerMonth: { type: 'number', exclusiveMinimum: 0 },
      pricing: {
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'requested', 'description'],
        properties: {
          mode: { enum: ['snapshot', 'live'], description: 'where the prices actually came from' },
          requested: { enum: ['snapshot', 'live'] },
          description: { type: 'string' },
          fallbackReason: { type: 'string', description: 'why live pricing was not used although requested' },
        },
      },
      lines: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'component', 'componentName', 'componentType', 'layer', 'dimension', 'quantity', 'unit', 'monthly', 'formula'],
          properties: {
            id: { type: 'string', description: '<component>/<dimension>, stable across runs' },
            component: { type: 'string' },
            componentName: { type: 'string' },
            componentType: { type: 'string' },
            layer: { enum: ['edge', 'compute', 'data', 'network', 'security', 'operations', 'delivery', 'external'] },
            dimension: { type: 'string' },
            priceKey: { type: 'string' },
            quantity: scenarios,
            unit: { type: 'string' },
            unitPrice: { type: 'number', minimum: 0 },
            monthly: scenarios,
            sku: { type: 'string' },
            usageType: { type: 'string' },
            priceDate: { type: 'string' },
            source: { type: 'string' },
            notPriced: { type: 'string', description: 'reason the line is not priced; its monthly figures are then 0 and not a price' },
            formula: { type: 'string' },
          },
          if: { not: { required: ['notPriced'] } },
          then: { required: ['priceKey', 'unitPrice', 'usageType', 'priceDate', 'source'] },
        },
      },
      components: { type: 'array', items: subtotal },
      layers: { type: 'array', items: subtotal },
      total: scenarios,
      purchaseOptions: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['lineId', 'component', 'option', 'label', 'onDemandMonthly'],
          properties: {
            lineId: { type: 'string' }, component: { type: 'string' },
            option: { enum: ['reserved-1yr', 'reserved-3yr', 'spot', 'on-demand'] },
            label: { type: 'string' }, onDemandMonthly: money, monthly: money, savings: money,
            notPriced: { type: 'string' }, source: { type: 'string' },
          },
        },
      },
      assumptions: { type: 'array', items: { type: 'string' } },
      references: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'label', 'components', 'range', 'computed', 'verdict'],
          properties: {
            id: { type: 'string' }, label: { type: 'string' },
            components: { type: 'array', items: { type: 'string' } },
            range: { type: 'object', additionalProperties: false, required: ['min', 'max'], properties: { min: money, max: money } },
            computed: scenarios,
            verdict: { enum: ['below', 'within', 'above'] },
          },
        },
      },
      outsideReferences: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['component', 'name', 'monthly'], properties: { component: { type: 'string' }, name: { type: 'string' }, monthly: money } },
      },
      warnings: { type: 'array', items: { type: 'string' } },
    },
  };
}
