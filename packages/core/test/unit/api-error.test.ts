import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../src/errors/index";

const GET = { method: "get", path: "/api/v1/workspaces" } as const;

describe("ApiError.from: status to class", () => {
  it.each([
    [400, BadRequestError, "BadRequestError", "bad_request", false],
    [401, AuthenticationError, "AuthenticationError", "unauthorized", false],
    [403, PermissionDeniedError, "PermissionDeniedError", "forbidden", false],
    [404, NotFoundError, "NotFoundError", "not_found", false],
    [409, ConflictError, "ConflictError", "conflict", false],
    [422, UnprocessableEntityError, "UnprocessableEntityError", "validation_error", false],
    [429, RateLimitError, "RateLimitError", "rate_limited", true],
    [500, InternalServerError, "InternalServerError", "server_error", true],
    [501, InternalServerError, "InternalServerError", "server_error", false],
    [502, InternalServerError, "InternalServerError", "server_error", true],
    [503, InternalServerError, "InternalServerError", "server_error", true],
    [504, InternalServerError, "InternalServerError", "server_error", true],
    [520, InternalServerError, "InternalServerError", "server_error", true],
    [599, InternalServerError, "InternalServerError", "server_error", true],
  ] as const)("%i -> %s", (status, type, name, code, retryable) => {
    const err = ApiError.from({ status, body: "", ...GET });
    expect(err).toBeInstanceOf(type);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
  });

  it.each([
    [405, "api_error", false],
    [408, "request_timeout", true],
    [410, "api_error", false],
    [418, "api_error", false],
  ] as const)("%i has no subclass and stays a plain ApiError", (status, code, retryable) => {
    const err = ApiError.from({ status, ...GET });
    expect(err.constructor).toBe(ApiError);
    expect(err.name).toBe("ApiError");
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
  });

  it("gives each fixed-status subclass a literal status type", () => {
    expectTypeOf<NotFoundError["status"]>().toEqualTypeOf<404>();
    expectTypeOf<RateLimitError["status"]>().toEqualTypeOf<429>();
    expectTypeOf<RateLimitError["name"]>().toEqualTypeOf<"RateLimitError">();
    expectTypeOf<InternalServerError["status"]>().toEqualTypeOf<number>();
  });
});

describe("ApiError.from: message format", () => {
  it("reads <status> <METHOD> <path>: <server message>", () => {
    const err = ApiError.from({
      status: 404,
      body: { message: "Connector not found" },
      method: "get",
      path: "/api/v1/integrations/connectors/123",
    });
    expect(err.message).toBe("404 GET /api/v1/integrations/connectors/123: Connector not found");
    expect(err.method).toBe("GET");
    expect(err.path).toBe("/api/v1/integrations/connectors/123");
  });

  it("never keeps the query string in the path or the message", () => {
    const err = ApiError.from({
      status: 404,
      method: "GET",
      path: "/api/v1/integrations/connectors?workspace_name=acme&token=abc123secret#frag",
    });
    expect(err.path).toBe("/api/v1/integrations/connectors");
    expect(err.message).toBe("404 GET /api/v1/integrations/connectors: Not Found");
  });

  it("falls back to the status text when the body says nothing", () => {
    expect(ApiError.from({ status: 502, body: "", ...GET }).message).toBe("502 GET /api/v1/workspaces: Bad Gateway");
    expect(ApiError.from({ status: 503, body: undefined, ...GET }).message).toBe("503 GET /api/v1/workspaces: Service Unavailable");
    expect(ApiError.from({ status: 500, body: null, ...GET }).message).toBe("500 GET /api/v1/workspaces: Internal Server Error");
  });

  it("leaves out what it does not know", () => {
    expect(ApiError.from({ status: 500, body: { message: "boom" } }).message).toBe("500: boom");
  });
});

describe("ApiError.from: every error body shape of api-notes §6", () => {
  it("official ApiErrorResponse {message, errors[]}", () => {
    const body = {
      message: "Value error, One of connector_type, definition_id, or source_template_id must be provided",
      errors: [
        {
          field: "body",
          message: "Value error, One of connector_type, definition_id, or source_template_id must be provided",
          error_code: "value_error",
          details: null,
        },
      ],
    };
    const err = ApiError.from({ status: 422, body, method: "POST", path: "/api/v1/integrations/connectors" });
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect(err.message).toBe(
      "422 POST /api/v1/integrations/connectors: Value error, One of connector_type, definition_id, or source_template_id must be provided",
    );
    expect(err.code).toBe("value_error");
    expect(err.fieldErrors).toEqual([
      {
        field: "body",
        message: "Value error, One of connector_type, definition_id, or source_template_id must be provided",
        code: "value_error",
      },
    ]);
    expect(err.body).toEqual(body);
  });

  it("FastAPI {detail: text}", () => {
    const err = ApiError.from({ status: 401, body: { detail: "Invalid authentication credentials" }, ...GET });
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).toBe("401 GET /api/v1/workspaces: Invalid authentication credentials");
    expect(err.code).toBe("unauthorized");
    expect(err.fieldErrors).toEqual([]);
  });

  it("FastAPI {detail: [{loc, msg, type}]}", () => {
    const body = {
      detail: [
        { loc: ["body", "allowed_origin"], msg: "field required", type: "value_error.missing" },
        { loc: ["body", "tags", 0], msg: "str type expected", type: "type_error.str" },
      ],
    };
    const err = ApiError.from({
      status: 422,
      body,
      method: "POST",
      path: "/api/v1/account/applications/widget-token",
    });
    expect(err.message).toBe(
      "422 POST /api/v1/account/applications/widget-token: body.allowed_origin: field required; body.tags[0]: str type expected",
    );
    expect(err.fieldErrors).toEqual([
      { field: "body.allowed_origin", message: "field required", code: "value_error.missing" },
      { field: "body.tags[0]", message: "str type expected", code: "type_error.str" },
    ]);
    // FastAPI's `type` describes a field, it is not the API's error_code.
    expect(err.code).toBe("validation_error");
  });

  it("caps a long field list in the message but keeps every field error", () => {
    const detail = Array.from({ length: 5 }, (_, i) => ({ loc: ["body", `f${i}`], msg: "bad", type: "t" }));
    const err = ApiError.from({ status: 422, body: { detail }, ...GET });
    expect(err.message).toBe("422 GET /api/v1/workspaces: body.f0: bad; body.f1: bad; body.f2: bad (and 2 more)");
    expect(err.fieldErrors).toHaveLength(5);
  });

  it.each([
    [{ errors: [{ userPresentableMessage: "Stripe rejected the key", message: "raw" }] }, "Stripe rejected the key"],
    [{ errors: [{ message: "Only a message" }] }, "Only a message"],
    [{ errors: [{ error: "Only an error" }] }, "Only an error"],
    [{ errors: ["a bare string"] }, "a bare string"],
  ])("{errors:[…]} %#", (body, expected) => {
    const err = ApiError.from({ status: 400, body, ...GET });
    expect(err.message).toBe(`400 GET /api/v1/workspaces: ${expected}`);
    expect(err.fieldErrors[0]?.message).toBe(expected);
  });

  it.each([
    [{ message: "Workspace not found" }, "Workspace not found"],
    [{ error: "Workspace not found" }, "Workspace not found"],
    [{ error: { message: "Nested message", code: "nested_code" } }, "Nested message"],
    [{ title: "Problem title" }, "Problem title"],
  ])("{message|error} %#", (body, expected) => {
    expect(ApiError.from({ status: 404, body, ...GET }).message).toBe(`404 GET /api/v1/workspaces: ${expected}`);
  });

  it("takes code from the first error_code, then a top-level one", () => {
    expect(ApiError.from({ status: 429, body: { message: "Rate limit exceeded", errors: [{ error_code: "rate_limited" }] } }).code).toBe(
      "rate_limited",
    );
    expect(ApiError.from({ status: 401, body: { message: "no", errors: [{ error_code: "invalid_client" }] } }).code).toBe("invalid_client");
    expect(ApiError.from({ status: 400, body: { message: "m", error_code: "top_level" } }).code).toBe("top_level");
    expect(ApiError.from({ status: 400, body: { error: { message: "m", code: "nested_code" } } }).code).toBe("nested_code");
  });

  it("plain text", () => {
    const err = ApiError.from({ status: 503, body: "upstream connect error or disconnect", ...GET });
    expect(err.message).toBe("503 GET /api/v1/workspaces: upstream connect error or disconnect");
    expect(err.body).toBe("upstream connect error or disconnect");
  });

  it("JSON that arrived as text is decoded", () => {
    const err = ApiError.from({ status: 404, body: '{"detail":"Not here"}', ...GET });
    expect(err.message).toBe("404 GET /api/v1/workspaces: Not here");
    expect(err.body).toEqual({ detail: "Not here" });
  });

  it("broken JSON is treated as text", () => {
    expect(ApiError.from({ status: 500, body: '{"detail": ', ...GET }).message).toBe('500 GET /api/v1/workspaces: {"detail":');
  });

  it("an HTML gateway page is reduced to its title", () => {
    const html = "<!DOCTYPE html><html><head><title>504 Gateway Time-out</title></head><body><h1>…</h1></body></html>";
    expect(ApiError.from({ status: 504, body: html, ...GET }).message).toBe("504 GET /api/v1/workspaces: 504 Gateway Time-out");
  });

  it("the title is found in any case and with attributes; a page of unclosed titles has none to show", () => {
    const html = '<html><head><TITLE lang="en">Bad gateway</TITLE></head></html>';
    expect(ApiError.from({ status: 502, body: html, ...GET }).message).toBe("502 GET /api/v1/workspaces: Bad gateway");
    const hostile = `<html>${"<title".repeat(50_000)}`;
    expect(ApiError.from({ status: 502, body: hostile, ...GET }).message).not.toContain("<title");
  });

  it("very long text is truncated", () => {
    const err = ApiError.from({ status: 500, body: "x".repeat(5000), ...GET });
    expect(err.message.length).toBeLessThan(400);
    expect(err.message.endsWith("…")).toBe(true);
  });

  it("an unknown JSON shape falls back to the status text", () => {
    expect(ApiError.from({ status: 500, body: { weird: true }, ...GET }).message).toBe("500 GET /api/v1/workspaces: Internal Server Error");
    expect(ApiError.from({ status: 500, body: [1, 2], ...GET }).message).toBe("500 GET /api/v1/workspaces: Internal Server Error");
  });
});

describe("ApiError.from: headers and retry hints", () => {
  it.each(["x-request-id", "request-id", "x-amzn-requestid"])("reads the request id from %s", (name) => {
    const err = ApiError.from({ status: 500, headers: new Headers({ [name]: "req_123" }), ...GET });
    expect(err.requestId).toBe("req_123");
  });

  it("accepts headers as a plain object and prefers x-request-id", () => {
    const err = ApiError.from({
      status: 500,
      headers: { "Request-Id": "second", "X-Request-Id": "first" },
      ...GET,
    });
    expect(err.requestId).toBe("first");
  });

  it("has no request id when none was sent", () => {
    const err = ApiError.from({ status: 500, headers: {}, ...GET });
    expect(err.requestId).toBeUndefined();
    expect("requestId" in err.toJSON()).toBe(false);
  });

  it("keeps the retryAfterMs it was given", () => {
    const err = ApiError.from({ status: 429, retryAfterMs: 2000, ...GET });
    expect(err.retryAfterMs).toBe(2000);
    expect(err.toJSON().retryAfterMs).toBe(2000);
  });
});

describe("ApiError.from: organization hint (api-notes §9.1)", () => {
  it("appends a hint naming organizationId and AIRBYTE_ORGANIZATION_ID", () => {
    const err = ApiError.from({
      status: 400,
      body: { message: "Your credentials belong to several organizations; please specify target organization." },
      method: "POST",
      path: "/api/v1/account/applications/token",
    });
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(
      /^400 POST \/api\/v1\/account\/applications\/token: Your credentials belong to several organizations; please specify target organization\. Hint: /,
    );
    expect(err.message).toContain("organizationId");
    expect(err.message).toContain("AIRBYTE_ORGANIZATION_ID");
  });

  it("adds no hint to other 400s or to other statuses with the same words", () => {
    expect(ApiError.from({ status: 400, body: { message: "Credentials do not match" } }).message).not.toContain("Hint");
    expect(ApiError.from({ status: 403, body: { message: "specify target organization" } }).message).not.toContain("Hint");
  });
});

describe("ApiError.toJSON", () => {
  it("is a plain object with the documented fields", () => {
    const err = ApiError.from({
      status: 422,
      body: { message: "bad", errors: [{ field: "name", message: "required", error_code: "missing" }] },
      headers: { "x-request-id": "req_1" },
      method: "post",
      path: "/api/v1/integrations/connectors",
    });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "UnprocessableEntityError",
      code: "missing",
      message: "422 POST /api/v1/integrations/connectors: bad",
      status: 422,
      requestId: "req_1",
      method: "POST",
      path: "/api/v1/integrations/connectors",
      retryable: false,
      fieldErrors: [{ field: "name", message: "required", code: "missing" }],
    });
  });

  it("leaves fieldErrors out when there are none", () => {
    expect("fieldErrors" in ApiError.from({ status: 404 }).toJSON()).toBe(false);
  });
});
