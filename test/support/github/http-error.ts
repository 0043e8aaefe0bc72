/** An error response in GitHub's shape: `{ message, documentation_url, status }` (plus `errors` for 422). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body() {
    return {
      message: this.message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(this.status),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = () => new HttpError(404, 'Not Found');
export const unprocessable = (message: string, errors?: unknown[]) => new HttpError(422, message, errors);
