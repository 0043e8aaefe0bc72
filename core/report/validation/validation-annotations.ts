import { formatCount, formatValue } from '../../checks/describe.js';
import type { ValidationView } from './validation-view.js';
import { resultsBySeverity } from './validation-view.js';

export interface Annotation {
  level: 'error' | 'warning';
  file: string;
  line: number;
  title: string;
  message: string;
}

/**
 * Annotations on the failing rows of data files that live in the repository, most severe first,
 * capped (GitHub shows only a handful per step anyway); the rest are counted, not lost. `omitted`
 * is every failing value of the failed checks that got no annotation — not just the kept examples
 * left over, which would say "10 more" of 246. It is 0 when no data file can be annotated at all.
 */
export function selectAnnotations(
  view: ValidationView,
  max: number,
): { annotations: Annotation[]; omitted: number } {
  const annotatable = new Set(view.files.filter((f) => f.inWorkspace).map((f) => f.name));
  const annotations: Annotation[] = [];
  let failing = 0;
  for (const result of resultsBySeverity(view.report.results)) {
    if (result.success) continue;
    failing += result.unexpectedCount;
    for (const example of result.examples) {
      if (!annotatable.has(example.source) || annotations.length >= max) continue;
      annotations.push({
        level: result.severity,
        file: example.source,
        line: example.line,
        title: `${result.name} (row ${formatCount(example.row)})`,
        message: `${result.name} failed on this row: value ${formatValue(example.value)}. ${result.message}`,
      });
    }
  }
  const omitted = annotatable.size === 0 ? 0 : Math.max(0, failing - annotations.length);
  return { annotations, omitted };
}
