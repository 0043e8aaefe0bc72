import { columnsPresentKind } from './kinds/columns-present.js';
import { columnsAbsentKind } from './kinds/columns-absent.js';
import { columnsInOrderKind } from './kinds/columns-in-order.js';
import { columnTypeKind } from './kinds/column-type.js';
import { notNullKind } from './kinds/not-null.js';
import { nullRateKind } from './kinds/null-rate.js';
import { uniqueKind } from './kinds/unique.js';
import { minKind } from './kinds/min.js';
import { maxKind } from './kinds/max.js';
import { betweenKind } from './kinds/between.js';
import { allowedValuesKind } from './kinds/allowed-values.js';
import { regexKind } from './kinds/regex.js';
import { stringLengthKind } from './kinds/string-length.js';
import { rowCountKind } from './kinds/row-count.js';
import { meanKind } from './kinds/mean.js';
import { stdKind } from './kinds/std.js';
import { medianKind } from './kinds/median.js';
import { quantileKind } from './kinds/quantile.js';
import { freshnessKind } from './kinds/freshness.js';

/**
 * Every check kind, in the order the documentation lists them. A kind is one file in kinds/ (its
 * schema and what runs it); adding one is that file plus one line here.
 */
export const CHECK_KIND_LIST = [
  columnsPresentKind,
  columnsAbsentKind,
  columnsInOrderKind,
  columnTypeKind,
  notNullKind,
  nullRateKind,
  uniqueKind,
  minKind,
  maxKind,
  betweenKind,
  allowedValuesKind,
  regexKind,
  stringLengthKind,
  rowCountKind,
  meanKind,
  stdKind,
  medianKind,
  quantileKind,
  freshnessKind,
] as const;
