export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

/** One check run on a commit; publishing it again on the same commit updates it. */
export interface CheckRun {
  headSha: string;
  name: string;
  conclusion: 'success' | 'failure' | 'neutral';
  output: CheckRunOutput;
  detailsUrl?: string;
}

/** Why a publication failed, as far as the job can act on it. */
export type PublishFailure = 'forbidden' | 'unreachable' | 'other';

export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    readonly reason: PublishFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The only GitHub call the drift job makes: create or update its check run (idempotent). */
export interface CheckRunPublisher {
  publish(run: CheckRun): Promise<{ url: string }>;
}
