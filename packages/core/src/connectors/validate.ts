import { invalidInput } from "../input/invalid-input";
import type { RuntimeAction, RuntimeCatalog, RuntimeParam } from "./catalog-types";
import { SEARCH_PARAMS } from "./search-action";

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function fits(param: RuntimeParam, value: unknown): boolean {
  switch (param.type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return true;
  }
}

/** `from 1 to 100`, `at least 1`, `at most 100`, `17 to 19 characters`, `exactly 3 characters`: a range in a message. */
function range(min: number | undefined, max: number | undefined, unit = ""): string {
  if (min !== undefined && min === max) return `exactly ${min}${unit}`;
  if (min !== undefined && max !== undefined) return `${unit ? "" : "from "}${min} to ${max}${unit}`;
  return min !== undefined ? `at least ${min}${unit}` : `at most ${max}${unit}`;
}

/**
 * The spec's bounds on a value of the right type: a number's `minimum` and `maximum`, a string's `minLength`,
 * `maxLength` and `pattern`. The hosted API answers what its spec says; the SDK says it first, without a request.
 */
function outOfBounds(param: RuntimeParam, value: unknown): string | undefined {
  if (typeof value === "number") {
    const { minimum: min, maximum: max } = param;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      return `expected ${param.type === "integer" ? "an integer" : "a number"} ${range(min, max)}, got ${value}`;
    }
    return undefined;
  }
  if (typeof value !== "string") return undefined;
  const { minLength: min, maxLength: max } = param;
  // Characters as JSON Schema counts them: code points, not UTF-16 units.
  const length = [...value].length;
  if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
    return `expected ${range(min, max, " characters")}, got ${length}`;
  }
  if (param.pattern !== undefined) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(param.pattern, "u");
    } catch {
      // A pattern JavaScript cannot read is the API's to check.
    }
    if (pattern && !pattern.test(value)) return `expected a value matching ${param.pattern}`;
  }
  return undefined;
}

/**
 * Checks one operation against the connector's catalog before anything is sent: the entity, the action and every
 * parameter (known name, type, allowed value, the spec's bounds, required ones present). Each problem names the
 * field and, where there are choices or bounds, says them.
 */
export function validateOperation(
  catalog: RuntimeCatalog,
  what: string,
  entity: string,
  action: string,
  params: Record<string, unknown>,
): RuntimeAction {
  const found = catalog.entities.find((e) => e.name === entity);
  if (!found) {
    throw invalidInput(what, [
      {
        path: "entity",
        message: `${catalog.displayName} has no entity ${JSON.stringify(entity)}; valid: ${catalog.entities.map((e) => e.name).join(", ")}`,
      },
    ]);
  }
  const spec = found.actions.find((a) => a.name === action);
  if (!spec) {
    throw invalidInput(what, [
      {
        path: "action",
        message: `${catalog.displayName} ${entity} has no action ${JSON.stringify(action)}; valid: ${found.actions.map((a) => a.name).join(", ")}`,
      },
    ]);
  }
  const issues: { path: string; message: string }[] = [];
  const specParams: readonly RuntimeParam[] = spec.params ?? (spec.search ? SEARCH_PARAMS : []);
  const known = new Map(specParams.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(params)) {
    const param = known.get(name);
    if (!param) {
      // Searches pass their filter language through; spec operations take only the parameters their spec names.
      if (!spec.search) {
        issues.push({
          path: `params.${name}`,
          message: `not a parameter of ${entity}.${action}; valid: ${specParams.map((p) => p.name).join(", ") || "none"}`,
        });
      }
      continue;
    }
    if (value === undefined || value === null) continue;
    const bounds = fits(param, value) ? outOfBounds(param, value) : undefined;
    if (!fits(param, value)) issues.push({ path: `params.${name}`, message: `expected ${param.type}, got ${describeType(value)}` });
    else if (bounds) issues.push({ path: `params.${name}`, message: bounds });
    else if (param.enum && !param.enum.includes(value)) {
      issues.push({ path: `params.${name}`, message: `expected one of ${param.enum.map((v) => JSON.stringify(v)).join(", ")}` });
    } else if (param.itemEnum && Array.isArray(value)) {
      const allowed = param.itemEnum;
      value.forEach((item, index) => {
        if (!allowed.includes(item)) {
          issues.push({ path: `params.${name}.${index}`, message: `expected one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}` });
        }
      });
    }
  }
  for (const param of specParams) {
    if (param.required && (params[param.name] === undefined || params[param.name] === null)) {
      issues.push({
        path: `params.${param.name}`,
        message: `required by ${entity}.${action}`,
      });
    }
  }
  if (issues.length > 0) throw invalidInput(what, issues);
  return spec;
}

/**
 * Checks the replication settings of `connectors.create({ type })` (and `check`) against the connector's catalog:
 * every setting its spec requires (GitHub's `repositories`, Stripe's `account_id`) is present, before any request.
 */
export function validateReplicationConfig(catalog: RuntimeCatalog, what: string, given: unknown): void {
  const config = given as Record<string, unknown> | undefined; // an object or undefined: requireObject ran first
  const missing = catalog.replicationConfig.filter((f) => f.required && (config?.[f.name] === undefined || config[f.name] === null));
  if (missing.length === 0) return;
  throw invalidInput(
    what,
    missing.map((f) => ({
      path: `replicationConfig.${f.name}`,
      message: `required by ${catalog.displayName}'s replication settings (${f.type}${config === undefined ? "; replicationConfig is missing" : ""})`,
    })),
  );
}
