/**
 * The branch a `mode: pull-request` environment's promotions of one model go to: stable, so a second
 * promotion updates the same pull request instead of opening another.
 */
export function promotionBranch(environment: string, model: string): string {
  return `modelship/${environment}/${model}`;
}
