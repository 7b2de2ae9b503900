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

/**
 * Checks one operation against the connector's catalog before anything is sent: the entity, the action and every
 * parameter (known name, type, allowed value, required ones present). Each problem names the field and, where
 * there are choices, lists them.
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
    if (!fits(param, value)) issues.push({ path: `params.${name}`, message: `expected ${param.type}, got ${describeType(value)}` });
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
