import { stringify } from 'yaml';

/**
 * Builds the benchmark's checks from the generated file's header and first rows: every check kind
 * on the columns it suits, about three per column, so the comparison with pandas covers real work.
 */
export function benchmarkChecks(header: string[], sample: string[][]): { checks: Record<string, unknown>[] } {
  const checks: Record<string, unknown>[] = [
    { check: 'columns-present', columns: header },
    { check: 'row-count', min: 1 },
  ];
  header.forEach((column, index) => {
    const values = sample.map((row) => row[index] ?? '').filter((v) => v !== '');
    const kind = classify(values);
    if (kind === 'integer' && new Set(values).size === values.length) {
      checks.push(
        { check: 'unique', column },
        { check: 'not-null', column },
        { check: 'min', column, value: 0 },
      );
    } else if (kind === 'timestamp') {
      checks.push(
        { check: 'column-type', column, type: 'timestamp' },
        { check: 'not-null', column },
        { check: 'freshness', column, 'max-age': '100000d' },
      );
    } else if (kind === 'number' || kind === 'integer') {
      const numbers = values.map(Number);
      const low = Math.min(...numbers);
      const high = Math.max(...numbers);
      const span = high - low || 1;
      checks.push(
        { check: 'not-null', column, mostly: 0.95 },
        { check: 'between', column, min: low - span, max: high + span },
        { check: 'mean', column, min: low - span, max: high + span },
      );
      if (index % 3 === 0) checks.push({ check: 'std', column, min: 0 });
      if (index % 3 === 1)
        checks.push({ check: 'quantile', column, q: 0.9, min: low - span, max: high + span });
      if (index % 3 === 2) checks.push({ check: 'median', column, min: low - span, max: high + span });
    } else {
      checks.push(
        { check: 'allowed-values', column, values: [...new Set(values)].sort() },
        { check: 'string-length', column, min: 1, max: 64 },
        { check: 'null-rate', column, max: 0.05 },
      );
    }
  });
  return { checks };
}

function classify(values: string[]): 'integer' | 'number' | 'timestamp' | 'string' {
  if (values.every((v) => /^\d{4}-\d\d-\d\d[T ]/.test(v))) return 'timestamp';
  if (values.every((v) => /^-?\d+$/.test(v))) return 'integer';
  if (values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)))) return 'number';
  return 'string';
}

export function checksYaml(header: string[], sample: string[][]): string {
  return stringify(benchmarkChecks(header, sample), { lineWidth: 0 });
}
