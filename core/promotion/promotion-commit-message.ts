/** Who asked for a promotion and where (the app's comment, a workflow run); both optional. */
export interface PromotionRequest {
  requestedBy?: string;
  source?: string;
}

/**
 * The commit message of a promotion: a headline people read in `git log`, then trailers
 * (`git interpret-trailers` reads them) that tools and the app parse to know what runs where and why.
 * Without a previous version (a first promotion, or values no version produced) the "was" part and its
 * trailer are left out rather than made up.
 */
export function promotionCommitMessage(options: {
  model: string;
  version: string;
  environment: string;
  previous?: string;
  request?: PromotionRequest;
}): { headline: string; body: string; message: string } {
  const { model, version, environment, previous, request } = options;
  const headline = `Promote ${model} ${version} to ${environment}${previous ? ` (was ${previous})` : ''}`;
  const trailers = [
    `Modelship-Model: ${model}@${version}`,
    `Modelship-Environment: ${environment}`,
    ...(previous ? [`Modelship-Previous: ${previous}`] : []),
    ...(request?.requestedBy ? [`Modelship-Requested-By: ${oneLine(request.requestedBy)}`] : []),
    ...(request?.source ? [`Modelship-Source: ${oneLine(request.source)}`] : []),
  ];
  const body = trailers.join('\n');
  return { headline, body, message: `${headline}\n\n${body}\n` };
}

/** A trailer's value is one line; a newline in a login or URL would forge further trailers. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}
