/** The security analysis (`src/security`) shaped for the site: matrix rows and findings. */
import type { ArchitectureModel } from '../../model/types.js';
import type { SecurityAnalysis } from '../../security/index.js';
import { available, missing, type Availability, type SecurityView } from '../types.js';

export async function securityView(model: ArchitectureModel): Promise<Availability<SecurityView>> {
  let analysis: SecurityAnalysis;
  try {
    const { analyzeSecurity } = await import('../../security/index.js');
    analysis = analyzeSecurity(model, model.defaultEnvironment);
  } catch (error) {
    return missing(`The security analysis could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
  return available(toView(analysis));
}

/** One row per permission of the matrix: who may reach which security group, on what. */
export function toView(analysis: SecurityAnalysis): SecurityView {
  const { matrix } = analysis;
  const rows = matrix.sources.flatMap((source, r) =>
    matrix.destinations.flatMap((destination, c) =>
      (matrix.cells[r]?.[c] ?? []).map((permission) => ({
        source: source.kind === 'security-group' ? source.key : source.label.en,
        target: destination.securityGroup,
        direction: 'ingress' as const,
        protocol: permission.protocol,
        ports: permission.label.replace(/^[a-z]+\//, ''),
        description: permission.description.en + (permission.egressAllowed ? '' : ' (never used: the source may not send this traffic)'),
        line: permission.source.line,
      })),
    ),
  );
  const findings = analysis.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    hint: f.hint,
    target: f.target,
    file: f.location.file,
    line: f.location.line,
    col: f.location.col,
  }));
  const grid = {
    sources: matrix.sources.map((source) => (source.kind === 'security-group' ? source.key : source.label.en)),
    destinations: matrix.destinations.map((d) => d.securityGroup),
    cells: matrix.cells.map((row) => row.map((permissions) => permissions.map((p) => p.label))),
  };
  return { environment: analysis.environment, grid, rows, findings };
}
