/**
 * Rows per batch of the holdout: large enough that the runtime's per-call cost vanishes, small
 * enough that the batches in flight between the reader threads stay a few megabytes (16,384 rows
 * instead of the data layer's 65,536 took peak RSS from ~290 MB to ~245 MB on the 1M-row benchmark,
 * at the same speed). Entry points that open the holdout early must open it with this size.
 */
export const EVALUATE_BATCH_ROWS = 16_384;
