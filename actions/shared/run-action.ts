import * as core from '../../platform/context/runner-commands.js';
import { formatUserError, isUserError } from '../../core/errors.js';

export interface ActionEnding {
  /** The action's name, for the summary of a run that could not finish. */
  name: () => string;
  /** Stops what the step started (reader threads) on every path, so a step that fails early ends at once. */
  close?: () => Promise<void> | undefined;
  /** Outputs that say "no result" when the step could not finish (e.g. `success: "false"`). */
  outputs: () => Record<string, string>;
}

/**
 * Runs an action's main function the way every Modelship action ends. A user mistake becomes one
 * clear failure message (no stack trace); anything else is reported as an internal error, with the
 * stack only in the debug log. Either way the outputs (`error` and the action's own) and the job
 * summary say what happened, and whatever was thrown — Error or not — fails the step.
 */
export async function runAction(main: () => Promise<void>, ending: ActionEnding): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = isUserError(error)
      ? formatUserError(error)
      : `Modelship failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    if (!isUserError(error) && error instanceof Error && error.stack) core.debug(error.stack);
    for (const [name, value] of Object.entries(ending.outputs())) core.setOutput(name, value);
    core.setOutput('error', message);
    await writeFailureSummary(ending.name(), message);
    core.setFailed(message);
  } finally {
    await ending.close?.();
  }
}

async function writeFailureSummary(name: string, message: string): Promise<void> {
  const fence = '`'.repeat(Math.max(3, ...[...message.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  try {
    core.appendSummary(`### ❌ ${name} could not finish\n\n${fence}\n${message}\n${fence}\n`);
  } catch {
    // No summary file outside a runner: the failure message above is still the step's result.
  }
}
