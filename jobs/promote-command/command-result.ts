/** How a command ended, and the reply that says so. */
export interface CommandResult {
  /**
   * `done`: applied (or answered, for /status and /help); `unchanged`: nothing to change; `dry-run`:
   * planned only; `refused`: a rule said no (nothing written); `failed`: something broke (the reply
   * says what was and was not written).
   */
  outcome: 'done' | 'unchanged' | 'dry-run' | 'refused' | 'failed';
  reply: string;
  /** The deployment made, when one was. */
  deployment?: { id: number; state: 'success' | 'failure' | 'queued' };
  /** The ops commit (or pull request head) written, when one was. */
  opsCommit?: string;
  /** The stage tag written (or already there), when one was. */
  stageTag?: string;
}
