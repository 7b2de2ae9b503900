import type { BaseIssue } from "valibot";
import { isSensitiveKey, redactText } from "../transport/redact";
import { AirbyteError, type AirbyteErrorJSON, type AirbyteErrorOptions } from "./airbyte-error";
import { formatJsonPath } from "./json-path";
import { formatRequestMessage } from "./request-message";

/**
 * One schema problem: where it is (`data[0].id`, empty for the value itself) and what is wrong.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: "data[0].id", message: "Invalid type: Expected string but received 1" };
 * ```
 */
export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * The options of {@link ValidationError}. `invalid_input` means nothing was sent;
 * `unexpected_response` means the server answered with a shape the schema rejected.
 *
 * @example
 * ```ts
 * new ValidationError("Invalid input: limit: expected a number", { code: "invalid_input", issues: [{ path: "limit", message: "expected a number" }] });
 * ```
 */
export interface ValidationErrorOptions extends Omit<AirbyteErrorOptions, "code" | "retryable"> {
  code: "invalid_input" | "unexpected_response";
  issues?: readonly ValidationIssue[] | undefined;
}

/**
 * `ValidationError.toJSON()`'s result: the base fields plus the issues.
 *
 * @example
 * ```ts
 * const json: ValidationErrorJSON = err.toJSON();
 * json.issues.map((issue) => issue.path);
 * ```
 */
export interface ValidationErrorJSON extends AirbyteErrorJSON {
  issues: ValidationIssue[];
}

const MAX_LISTED_ISSUES = 3;

function pathOf(issue: BaseIssue<unknown>): readonly unknown[] {
  return (issue.path ?? []).map((item) => item.key);
}

// Valibot messages quote the rejected input ("… but received "sk_live_…""); under a sensitive
// key that input is the secret itself, so the quote goes.
function issueMessage(issue: BaseIssue<unknown>, keys: readonly unknown[]): string {
  const sensitive = keys.some((key) => typeof key === "string" && isSensitiveKey(key));
  return sensitive ? issue.message.replace(/\s*,?\s*but received[\s\S]*$/i, "") : issue.message;
}

function summarize(issues: readonly ValidationIssue[]): string {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`))
    .join("; ");
  const more = issues.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed} (and ${more} more)` : listed;
}

/**
 * A value failed a schema: your input before anything was sent (`code: "invalid_input"`), or
 * the server's response (`code: "unexpected_response"`). `issues` names each JSON path.
 *
 * @example
 * ```ts
 * if (isValidationError(err)) for (const issue of err.issues) console.warn(issue.path, issue.message);
 * ```
 */
export class ValidationError extends AirbyteError {
  override readonly name = "ValidationError" as const;
  declare readonly code: "invalid_input" | "unexpected_response";
  /** Each problem with its JSON path. */
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, options: ValidationErrorOptions) {
    const redact = options.redact ?? redactText;
    super(message, { ...options, retryable: false });
    this.issues = (options.issues ?? []).map((issue) => ({
      path: redact(issue.path),
      message: redact(issue.message),
    }));
  }

  /**
   * Builds the error from valibot issues (`v.safeParse(schema, value).issues`), naming each
   * issue's path like `data[0].id`. With `method`/`path` it reads like a request error.
   *
   * @example
   * ```ts
   * const result = v.safeParse(ConnectorSchema, body);
   * if (!result.success) {
   *   throw ValidationError.fromIssues(result.issues, { code: "unexpected_response", method: "GET", path });
   * }
   * ```
   */
  static fromIssues(issues: readonly BaseIssue<unknown>[], options: Omit<ValidationErrorOptions, "issues">): ValidationError {
    const mapped = issues.map((issue) => {
      const keys = pathOf(issue);
      return { path: formatJsonPath(keys), message: issueMessage(issue, keys) };
    });
    const what = options.code === "invalid_input" ? "Invalid input" : "Unexpected response";
    const detail = mapped.length === 0 ? what : `${what}: ${summarize(mapped)}`;
    const message = formatRequestMessage({ status: options.status, method: options.method, path: options.path }, detail);
    return new ValidationError(message, { ...options, issues: mapped });
  }

  override toJSON(): ValidationErrorJSON {
    return { ...super.toJSON(), issues: this.issues.map((issue) => ({ ...issue })) };
  }
}
