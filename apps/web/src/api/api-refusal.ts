/** The body of every error the API answers (README, HTTP API). */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** An answer that is not a success, carried with its status and body so a page can say what the API said. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
  }

  get code(): string {
    return this.body.error;
  }
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).error === 'string' && typeof (value as ErrorBody).message === 'string';

interface FetchAnswer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The success of an openapi-fetch call, or an ApiRefusal for anything else. */
export const successOf = async <T>(call: Promise<FetchAnswer<T>>): Promise<T> => {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  throw new ApiRefusal(
    response.status,
    isErrorBody(error) ? error : { error: 'HTTP_ERROR', message: `${response.status} ${response.statusText}`, details: {} },
  );
};
