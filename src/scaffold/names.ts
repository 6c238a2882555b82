/**
 * Turning model text into things that are safe in generated code and in CloudFormation:
 * construct ids, class and file names, and descriptions AWS accepts.
 */

/** `points-api` → `PointsApi`; anything but ASCII letters and digits is dropped. */
export function pascalCase(value: string, fallback = 'Resource'): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const safe = joined || fallback;
  return /^[0-9]/.test(safe) ? `${fallback}${safe}` : safe;
}

/** `Points API!` → `points-api`: a lowercase file stem of letters, digits and dashes. */
export function kebabCase(value: string, fallback = 'app'): string {
  const stem = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(stem) ? stem.slice(0, 60) : `${fallback}${stem ? `-${stem}` : ''}`.slice(0, 60);
}

/**
 * Security-group and rule descriptions accept only `a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*`
 * (up to 255 characters); other characters become spaces.
 */
export function awsDescription(value: string, fallback: string): string {
  const cleaned = value.replace(/[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255).trim();
  return cleaned || fallback;
}

/** Free text for CloudFormation descriptions: single line, printable, bounded length. */
export function plainText(value: string, max: number): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Construct ids that are unique among siblings: a repeated id gets a numeric suffix. */
export function uniqueIds(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}${n}`;
    used.add(id);
    return id;
  };
}

/** Tag keys and values accept letters, digits, spaces and `_ . : / = + - @` (keys up to 128, values up to 256). */
export function awsTag(value: string, max: number): string {
  return value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, max).trim();
}
