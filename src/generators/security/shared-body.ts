import type { Locale } from '../../model/types.js';
import { sharedAnalysisOf } from '../../security/index.js';
import type { SecurityAnalysis } from '../../security/types.js';

/**
 * Renders a report body once for environments that share an analysis (they read the same, so
 * their bodies are equal apart from the heading, which the caller writes).
 */
export function sharedBodies(render: (a: SecurityAnalysis, locale: Locale) => string): (a: SecurityAnalysis, locale: Locale) => string {
  const bodies = new WeakMap<object, Map<Locale, string>>();
  return (a, locale) => {
    const shared = sharedAnalysisOf(a);
    if (!shared) return render(a, locale);
    let byLocale = bodies.get(shared);
    if (!byLocale) bodies.set(shared, (byLocale = new Map()));
    let text = byLocale.get(locale);
    if (text === undefined) byLocale.set(locale, (text = render(a, locale)));
    return text;
  };
}
