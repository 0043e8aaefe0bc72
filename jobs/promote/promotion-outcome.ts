/** The promotion jobs' outcomes live in core (their renderings do too); re-exported for the jobs' callers. */
export type * from '../../core/promotion/promotion-outcome.js';
