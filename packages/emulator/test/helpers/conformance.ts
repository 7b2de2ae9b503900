import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import apiSchemas from "../../src/catalog/generated/api-schemas.json";

// The generated api-schemas.json is the official OpenAPI document's components and operations, regenerated from
// reference/openapi by scripts/check-generated.mjs on every `npm test`; validating against it is validating
// against the document.
interface Operation {
  operationId: string;
  responses: Record<string, string | Record<string, unknown> | null>;
}

const api = apiSchemas as unknown as { schemas: Record<string, unknown>; operations: Record<string, Operation> };

const templates = Object.keys(api.operations).map((key) => {
  const [method, template] = key.split(" ") as [string, string];
  // Id parameters are UUIDs in the document, so `/templates/sources/global` never matches `/templates/sources/{id}`.
  const pattern = new RegExp(
    `^${template.replace(/\{([^}]+)\}/g, (_, name: string) => (/id$/.test(name) ? "[0-9a-fA-F-]{36}" : "[^/]+"))}$`,
  );
  return { key, method, template, pattern, literalSegments: template.split("/").filter((s) => !s.startsWith("{")).length };
});

/** The OpenAPI operation a concrete request hits ("GET /api/v1/workspaces/{workspace_id}"), preferring literal paths. */
export function operationFor(method: string, path: string): string | undefined {
  const matches = templates.filter((t) => t.method === method.toUpperCase() && t.pattern.test(path));
  matches.sort((a, b) => b.literalSegments - a.literalSegments);
  return matches[0]?.key;
}

export const ALL_OPERATIONS: readonly string[] = Object.keys(api.operations);

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema({ $id: "api", components: { schemas: api.schemas } });

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(schema: string | Record<string, unknown>) {
  const key = typeof schema === "string" ? schema : JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    const root =
      typeof schema === "string"
        ? { $ref: `api#/components/schemas/${schema}` }
        : JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"api#/components/schemas/'));
    validate = ajv.compile(root);
    validators.set(key, validate);
  }
  return validate;
}

/** A response that does not match its documented schema. */
export class ConformanceError extends Error {}

/**
 * Validates one response body against the OpenAPI document. Undocumented error statuses (401, 404, 429, 502...)
 * are checked against `ApiErrorResponse`, the body the contract gives every error (§6).
 * Returns the operation key, or undefined when the path is outside the document.
 */
export function assertConforms(method: string, path: string, status: number, body: unknown): string | undefined {
  const key = operationFor(method, path);
  if (!key) return undefined;
  const operation = api.operations[key] as Operation;
  const documented = operation.responses[String(status)];
  let schema: string | Record<string, unknown> | null | undefined = documented;
  if (documented === undefined) {
    if (status < 400) throw new ConformanceError(`${key} answered ${status}, which the OpenAPI document does not list`);
    schema = "ApiErrorResponse";
  }
  if (schema === null) {
    if (body !== undefined && body !== "" && body !== null) throw new ConformanceError(`${key} ${status} should have no body`);
    return key;
  }
  const validate = validatorFor(schema as string | Record<string, unknown>);
  if (!validate(body)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}`)
      .join("; ");
    throw new ConformanceError(`${key} ${status} body does not match ${typeof schema === "string" ? schema : "its schema"}: ${problems}`);
  }
  return key;
}
