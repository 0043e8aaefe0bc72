import * as core from '@actions/core';
import { formatUserError, isUserError } from '../../core/errors.js';

/**
 * Runs an action's main function the way every Modelship action ends: a user mistake becomes one
 * clear failure message (no stack trace); anything else is reported as an internal error, with the
 * stack only in the debug log. Whatever was thrown — Error or not — fails the step.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(formatUserError(error));
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(`Modelship failed unexpectedly: ${message}`);
  }
}
