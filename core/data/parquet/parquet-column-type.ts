import type { SchemaElement } from 'hyparquet';
import type { ColumnType } from '../types.js';

/**
 * Our type for a Parquet column, from its declared physical and logical types (a typed format says
 * what it holds, so nothing is guessed from the values). Nested columns are read as JSON text.
 */
export function parquetColumnType(element: SchemaElement, nested: boolean): ColumnType {
  if (nested) return 'string';
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical === 'TIMESTAMP' || logical === 'DATE') return 'timestamp';
  if (converted === 'DATE' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS')
    return 'timestamp';
  if (logical === 'DECIMAL' || converted === 'DECIMAL' || logical === 'FLOAT16') return 'float';
  switch (element.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
      return 'integer';
    case 'INT96':
      return 'timestamp';
    case 'FLOAT':
    case 'DOUBLE':
      return 'float';
    default:
      return 'string';
  }
}
