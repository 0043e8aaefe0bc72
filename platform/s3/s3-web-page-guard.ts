import type { S3Client } from '@aws-sdk/client-s3';

interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body?: { destroy?: () => void };
}

/** What the guard throws; s3Error turns it into a message naming the endpoint. */
export const WEB_PAGE_ERROR = 'S3EndpointAnsweredWebPage';

/**
 * Makes the client refuse an HTML answer that is not from S3. A proxy, a login page or a console
 * URL in AWS_ENDPOINT_URL_S3 answers HTML: the SDK reads a 200 page as an empty listing or as the
 * object's bytes (then parsed as a CSV) and any other status as "UnknownError". S3 servers mark
 * their answers with a request id (x-amz-request-id / x-amz-id-2) — Swift's s3api labels its
 * empty answers text/html, so the label alone is not enough — and a data file is not a web page;
 * a `.html`/`.htm` key is let through.
 */
export function refuseWebPages(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse;
      const type = response.headers['content-type'] ?? '';
      const key = (args.input as { Key?: string }).Key ?? '';
      const fromS3 = response.headers['x-amz-request-id'] ?? response.headers['x-amz-id-2'];
      if (/^\s*text\/html\b/i.test(type) && !fromS3 && !/\.html?$/i.test(key)) {
        response.body?.destroy?.();
        throw Object.assign(
          new Error(`${context.commandName ?? 'request'}: HTTP ${response.statusCode}, ${type}`),
          {
            name: WEB_PAGE_ERROR,
            // 5xx pages of a load balancer are passing trouble: the SDK retries those.
            $metadata: { httpStatusCode: response.statusCode },
          },
        );
      }
      return result;
    },
    // Inside the deserializer: the raw response, before the SDK reads it as XML.
    { step: 'deserialize', priority: 'low', name: 'modelshipRefuseWebPages' },
  );
}
