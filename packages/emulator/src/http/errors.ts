/** One entry of the official `ApiErrorResponse.errors` array. */
export interface ApiErrorItem {
  field?: string | null;
  message?: string | null;
  error_code?: string | null;
  details?: Record<string, unknown> | null;
}

/** Thrown by route handlers; the app turns it into the official error body `{message, errors[]}` (api-notes §6). */
export class HttpError extends Error {
  readonly status: number;
  readonly errors: ApiErrorItem[];
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, errors: ApiErrorItem[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }

  body(): { message: string; errors: ApiErrorItem[] } {
    return {
      message: this.message,
      errors: this.errors.map((e) => ({
        field: e.field ?? null,
        message: e.message ?? this.message,
        error_code: e.error_code ?? null,
        details: e.details ?? null,
      })),
    };
  }
}

export const badRequest = (message: string, code = "bad_request", field?: string): HttpError =>
  new HttpError(400, message, [{ message, error_code: code, field: field ?? null }]);

export const unauthorized = (message: string, code = "unauthorized"): HttpError =>
  new HttpError(401, message, [{ message, error_code: code }]);

export const forbidden = (message: string, code = "forbidden"): HttpError => new HttpError(403, message, [{ message, error_code: code }]);

export const notFound = (message: string, code = "not_found"): HttpError => new HttpError(404, message, [{ message, error_code: code }]);

/** A 422 with one entry per invalid field, as FastAPI/pydantic report them. */
export const unprocessable = (items: { field: string; message: string; code?: string }[]): HttpError =>
  new HttpError(
    422,
    items.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join("; "),
    items.map((i) => ({ field: i.field, message: i.message, error_code: i.code ?? "value_error" })),
  );
