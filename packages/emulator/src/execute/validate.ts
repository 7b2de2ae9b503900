import type { CatalogParam, RecordSchema } from "../catalog/types.js";
import { unprocessable } from "../http/errors.js";
import { checkBounds, type Problem } from "./bounds.js";
import { isPlainObject, typesOf } from "./schema.js";

const TYPE_MESSAGES: Record<string, [string, string]> = {
  string: ["Input should be a valid string", "string_type"],
  integer: ["Input should be a valid integer", "int_parsing"],
  number: ["Input should be a valid number", "float_parsing"],
  boolean: ["Input should be a valid boolean", "bool_parsing"],
  array: ["Input should be a valid list", "list_type"],
  object: ["Input should be a valid dictionary", "dict_type"],
};

/**
 * Whether a value has one of the types. Path and query values travel in a URL, so numbers and booleans
 * written as strings (and numbers where a string is expected) are accepted there, as the connectors send them.
 */
function hasType(value: unknown, types: string[], inUrl: boolean): boolean {
  if (types.length === 0) return true;
  for (const type of types) {
    switch (type) {
      case "null":
        if (value === null) return true;
        break;
      case "string":
        if (typeof value === "string" || (inUrl && typeof value === "number")) return true;
        break;
      case "integer":
        if (Number.isInteger(value) || (inUrl && typeof value === "string" && /^-?\d+$/.test(value.trim()))) return true;
        break;
      case "number":
        if (
          (typeof value === "number" && Number.isFinite(value)) ||
          (inUrl && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
        )
          return true;
        break;
      case "boolean":
        if (typeof value === "boolean" || (inUrl && (value === "true" || value === "false"))) return true;
        break;
      case "array":
        if (Array.isArray(value)) return true;
        break;
      case "object":
        if (isPlainObject(value)) return true;
        break;
      default:
        return true;
    }
  }
  return false;
}

function checkValue(value: unknown, schema: RecordSchema, field: string, inUrl: boolean, problems: Problem[], depth = 0): void {
  const types = typesOf(schema);
  if (!hasType(value, types, inUrl)) {
    const [message, code] = TYPE_MESSAGES[types.find((t) => t !== "null") ?? "string"] ?? ["Input has the wrong type", "type_error"];
    problems.push({ field, message, code });
    return;
  }
  if (value === null) return;
  if (schema.enum && !schema.enum.some((allowed) => allowed === value || (inUrl && String(allowed) === String(value)))) {
    problems.push({ field, message: `Input should be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`, code: "enum" });
    return;
  }
  if (depth > 6) return;
  if (!isPlainObject(value) && !Array.isArray(value)) {
    // A number in a URL is checked as a number where the schema says one (a string type takes it as text).
    const numeric = types.length > 0 && !types.includes("string") && types.some((t) => t === "integer" || t === "number");
    checkBounds(value, schema, field, numeric || typeof value === "number", problems);
    return;
  }
  if (isPlainObject(value)) {
    for (const name of schema.required ?? []) {
      if (value[name] === undefined) problems.push({ field: `${field}.${name}`, message: "Field required", code: "missing" });
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      if (value[name] !== undefined) checkValue(value[name], child, `${field}.${name}`, false, problems, depth + 1);
    }
  } else if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      checkValue(item, schema.items as RecordSchema, `${field}[${i}]`, inUrl, problems, depth + 1);
    });
  }
}

const BOUNDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format"] as const;

function schemaOfParam(param: CatalogParam): RecordSchema {
  const schema: RecordSchema = { ...(param.schema ?? {}) };
  if (param.type !== undefined) schema.type = param.type;
  if (param.enum) schema.enum = param.enum;
  for (const bound of BOUNDS) if (param[bound] !== undefined) (schema as Record<string, unknown>)[bound] = param[bound];
  return schema;
}

/**
 * Validates params against the operation's parameters and request body (api-notes §5): a param the operation
 * does not declare is a 422 naming it and the accepted ones; required, types, enums and the spec's bounds (bounds.ts)
 * are checked, nested too.
 */
export function checkParams(params: CatalogParam[], given: Record<string, unknown>, extra: readonly string[] = []): void {
  const problems: Problem[] = [];
  const declared = new Map(params.map((p) => [p.name, p]));
  const accepted = [...new Set([...params.map((p) => p.name), ...extra])];
  for (const name of Object.keys(given)) {
    if (declared.has(name) || extra.includes(name)) continue;
    problems.push({
      field: `params.${name}`,
      message: `Extra inputs are not permitted: '${name}' is not a parameter of this operation. Accepted parameters: ${accepted.length ? accepted.join(", ") : "none"}`,
      code: "extra_forbidden",
    });
  }
  for (const param of params) {
    const value = given[param.name];
    if (value === undefined || value === null) {
      if (param.required && param.default === undefined)
        problems.push({ field: `params.${param.name}`, message: `Field required (${param.in} parameter)`, code: "missing" });
      continue;
    }
    checkValue(value, schemaOfParam(param), `params.${param.name}`, param.in !== "body", problems);
  }
  if (problems.length > 0) throw unprocessable(problems);
}
