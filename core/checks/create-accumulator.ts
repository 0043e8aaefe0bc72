import type { CheckAccumulator } from './accumulator.js';
import type { Check } from './check-schema.js';
import { allowedValuesCheck } from './kinds/allowed-values.js';
import { betweenCheck } from './kinds/between.js';
import { ColumnTypeCheck } from './kinds/column-type.js';
import { ColumnsAbsentCheck } from './kinds/columns-absent.js';
import { ColumnsInOrderCheck } from './kinds/columns-in-order.js';
import { ColumnsPresentCheck } from './kinds/columns-present.js';
import { FreshnessCheck } from './kinds/freshness.js';
import { maxCheck } from './kinds/max.js';
import { meanCheck } from './kinds/mean.js';
import { medianCheck } from './kinds/median.js';
import { minCheck } from './kinds/min.js';
import { NotNullCheck } from './kinds/not-null.js';
import { NullRateCheck } from './kinds/null-rate.js';
import { quantileCheck } from './kinds/quantile.js';
import { regexCheck } from './kinds/regex.js';
import { RowCountCheck } from './kinds/row-count.js';
import { stdCheck } from './kinds/std.js';
import { stringLengthCheck } from './kinds/string-length.js';
import { UniqueCheck } from './kinds/unique.js';

/** The accumulator that runs one check over the stream. */
export function createAccumulator(check: Check, maxExamples: number): CheckAccumulator {
  switch (check.check) {
    case 'columns-present':
      return new ColumnsPresentCheck(check);
    case 'columns-absent':
      return new ColumnsAbsentCheck(check);
    case 'columns-in-order':
      return new ColumnsInOrderCheck(check);
    case 'column-type':
      return new ColumnTypeCheck(check, maxExamples);
    case 'not-null':
      return new NotNullCheck(check, maxExamples);
    case 'null-rate':
      return new NullRateCheck(check, maxExamples);
    case 'unique':
      return new UniqueCheck(check, maxExamples);
    case 'min':
      return minCheck(check, maxExamples);
    case 'max':
      return maxCheck(check, maxExamples);
    case 'between':
      return betweenCheck(check, maxExamples);
    case 'allowed-values':
      return allowedValuesCheck(check, maxExamples);
    case 'regex':
      return regexCheck(check, maxExamples);
    case 'string-length':
      return stringLengthCheck(check, maxExamples);
    case 'row-count':
      return new RowCountCheck(check);
    case 'mean':
      return meanCheck(check, maxExamples);
    case 'std':
      return stdCheck(check, maxExamples);
    case 'median':
      return medianCheck(check, maxExamples);
    case 'quantile':
      return quantileCheck(check, maxExamples);
    case 'freshness':
      return new FreshnessCheck(check, maxExamples);
  }
}
