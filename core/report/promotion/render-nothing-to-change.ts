import { codeSpan, escapeMarkdown } from './markdown-text.js';

export interface NothingToChangeView {
  model: string;
  version: string;
  environment: string;
  /** The ops branch and the commit it was read at. */
  branch: string;
  commit: string;
}

/** A promotion to what already runs: the ops repository and the registry's stage both say so. */
export function renderNothingToChange(view: NothingToChangeView): string {
  return [
    `### ✅ ${escapeMarkdown(view.environment)} already runs ${escapeMarkdown(view.model)} ${codeSpan(view.version)}`,
    '',
    `The ops branch ${codeSpan(view.branch)} at ${codeSpan(view.commit.slice(0, 7))} has these values and the registry's stage says so: nothing to change.`,
  ].join('\n');
}
