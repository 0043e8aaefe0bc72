/** Evidently's size boundary: small references get p-value tests, larger ones distances. */
export const SMALL_REFERENCE_ROWS = 1000;
/** Numeric columns with at most this many distinct values are compared as categories. */
export const MAX_CATEGORICAL_DISTINCT = 5;
/** Numeric columns with more distinct reference values than this are binned for histogram distances. */
export const MAX_DISTINCT_UNBINNED = 20;
