import { codeSpan, escapeMarkdown, link } from './markdown-text.js';
import type { RuleSource } from './promotion-reply-views.js';

export interface RefusalView {
  /**
   * What was asked, in words: `promote fraud v5 to production` (plain text, escaped here). Absent
   * when the command was not understood far enough to say.
   */
  request?: string;
  /** Each reason as the rule words it: it names the rule and, where it can, what would satisfy it. */
  refusals: readonly { code: string; message: string }[];
  /** Where the rules that refused live, when a rule (not a state) refused. */
  ruleSource?: RuleSource;
}

/**
 * A polite no: every reason, each naming its rule, and where the rules live (the ops repository's
 * config on its default branch, which a pull request cannot change).
 */
export function renderRefusal(view: RefusalView): string {
  const reasons = view.refusals.map((r) => escapeMarkdown(r.message));
  const body = reasons.length === 1 ? [reasons[0]!] : reasons.map((r) => `- ${r}`);
  const title = view.request !== undefined ? `Cannot ${escapeMarkdown(view.request)}` : 'Refused';
  const lines = [`### 👎 ${title}`, '', ...body];
  if (view.ruleSource) {
    const { repository, path, url } = view.ruleSource;
    lines.push('', `The rule is in ${escapeMarkdown(repository)} ${link(codeSpan(path), url)}.`);
  }
  lines.push('', 'Nothing was written.');
  return lines.join('\n');
}
