/** The typed fields of an error: core's `AirbyteError` (and the server routes' errors) carry all of them. */
export interface ErrorFields {
  name: string;
  code: string | null;
  status: number | null;
  requestId: string | null;
  message: string;
}

export function describeError(error: unknown): ErrorFields {
  if (error instanceof Error) {
    const typed = error as Error & { code?: unknown; status?: unknown; requestId?: unknown };
    return {
      name: error.name,
      code: typeof typed.code === "string" ? typed.code : null,
      status: typeof typed.status === "number" ? typed.status : null,
      requestId: typeof typed.requestId === "string" ? typed.requestId : null,
      message: error.message,
    };
  }
  return { name: "Error", code: null, status: null, requestId: null, message: String(error) };
}

/** An error as a typed message: what failed, its code, HTTP status and request id (quote it to support). */
export function ErrorMessage({ error, title }: { error: unknown; title: string }) {
  const fields = describeError(error);
  return (
    <div className="error" role="alert" data-testid="error" data-error-code={fields.code ?? ""}>
      <p className="error-title">
        <strong>{title}</strong> <span className="error-name">{fields.name}</span>
      </p>
      <dl className="error-fields">
        <dt>code</dt>
        <dd data-testid="error-code">{fields.code ?? "—"}</dd>
        <dt>status</dt>
        <dd data-testid="error-status">{fields.status ?? "—"}</dd>
        <dt>request id</dt>
        <dd data-testid="error-request-id">{fields.requestId ?? "—"}</dd>
      </dl>
      <p className="error-message">{fields.message}</p>
    </div>
  );
}
