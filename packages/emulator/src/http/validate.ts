import { Validator } from "@cfworker/json-schema";
import apiSchemasJson from "../catalog/generated/api-schemas.json";
import { type HttpError, unprocessable } from "./errors.js";

interface ApiSchemas {
  schemas: Record<string, unknown>;
  operations: Record<string, { requestBody: string | Record<string, unknown> | null; responses: Record<string, unknown> }>;
}

const DOCUMENT_ID = "https://emulator.airbyte.local/openapi.json";

/** Request-body validation against the official OpenAPI schemas (no hand-copied shapes), usable in workerd: no code generation. */
export interface RequestValidator {
  /** Validates `body` against the request schema of `operation` ("POST /api/v1/..."); throws a 422 naming each bad field. */
  body(operation: string, body: unknown): void;
  /** Validates against a named component schema. */
  schema(name: string, value: unknown, fieldPrefix?: string): void;
}

export function createRequestValidator(): RequestValidator {
  const api = apiSchemasJson as ApiSchemas;
  const cache = new Map<string, Validator>();
  const validatorFor = (schema: string | Record<string, unknown>): Validator => {
    const key = typeof schema === "string" ? schema : JSON.stringify(schema);
    let validator = cache.get(key);
    if (!validator) {
      const root = typeof schema === "string" ? { $ref: `${DOCUMENT_ID}#/components/schemas/${schema}` } : rewriteRefs(schema);
      validator = new Validator(root as never, "2020-12", false);
      validator.addSchema({ $id: DOCUMENT_ID, components: { schemas: rewriteRefs(api.schemas) } } as never, DOCUMENT_ID);
      cache.set(key, validator);
    }
    return validator;
  };
  const check = (schema: string | Record<string, unknown>, value: unknown, prefix: string): void => {
    const result = validatorFor(schema).validate(value);
    if (result.valid) return;
    throw toUnprocessable(result.errors as OutputUnit[], prefix);
  };
  return {
    body(operation, body) {
      const spec = api.operations[operation]?.requestBody;
      if (!spec) return;
      if (body === undefined) throw unprocessable([{ field: "body", message: "Field required", code: "missing" }]);
      check(spec, body, "body");
    },
    schema(name, value, fieldPrefix = "body") {
      check(name, value, fieldPrefix);
    },
  };
}

function rewriteRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${DOCUMENT_ID}#/components/schemas/`)) as T;
}

interface OutputUnit {
  keyword: string;
  keywordLocation: string;
  instanceLocation: string;
  error: string;
}

/** Turns the validator's output into pydantic-style field errors, keeping only the most specific ones. */
function toUnprocessable(errors: OutputUnit[], prefix: string): HttpError {
  const items = new Map<string, { field: string; message: string; code: string }>();
  for (const error of errors) {
    if (["$ref", "properties", "anyOf", "oneOf", "allOf", "items", "additionalProperties"].includes(error.keyword) && errors.length > 1)
      continue;
    const pointer = error.instanceLocation.replace(/^#/, "");
    const segments = pointer.split("/").filter(Boolean);
    let field = [prefix, ...segments].join(".");
    let message = error.error;
    let code = "value_error";
    if (error.keyword === "required") {
      const missing = /"([^"]+)"/.exec(error.error)?.[1];
      if (missing) field = `${field}.${missing}`;
      message = "Field required";
      code = "missing";
    } else if (error.keyword === "type") {
      // The validator says `Instance type "number" is invalid. Expected "string".`: name the expected type, not the given one.
      message = `Input should be of type ${/Expected "([^"]+)"/.exec(error.error)?.[1] ?? "valid"}`;
      code = "type_error";
    } else if (error.keyword === "format") {
      message = "Input should be a valid UUID";
      code = "uuid_parsing";
    } else if (error.keyword === "enum" || error.keyword === "const") {
      code = "enum";
    }
    if (!items.has(field)) items.set(field, { field, message, code });
  }
  if (items.size === 0) items.set(prefix, { field: prefix, message: "Invalid request body", code: "value_error" });
  return unprocessable([...items.values()]);
}
