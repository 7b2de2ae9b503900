// Input schemas as plain JSON Schema, generated from the catalog: no schema library (the frameworks each take JSON
// Schema as it is), so the package carries no zod or valibot of its own.
import type { CatalogAction, CatalogParam } from "@airbyte-agents/core";
import type { JsonSchema, ToolInputSchema } from "./types";

const MAX_PARAM_DESCRIPTION = 300;

/** The first `max` characters of a text, cut at a word, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${trimEnd(space > max * 0.6 ? cut.slice(0, space) : cut, " ,.;:")}…`;
}

/**
 * `text` without the run of `chars` it ends with, by a loop from the end: a regex `[...]+$` rescans such a run
 * from each of its positions (quadratic on a long one), and so does `_+$`.
 */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** One catalog parameter as a JSON Schema property. */
export function paramSchema(param: CatalogParam): JsonSchema {
  const schema: JsonSchema = {};
  // An enum that lists null (GitHub's state_reason) allows null, so the type must too or the schema contradicts itself.
  if (param.type !== "any") schema.type = param.enum?.includes(null) ? [param.type, "null"] : param.type;
  if (param.type === "array") schema.items = param.itemEnum ? { enum: [...param.itemEnum] } : {};
  if (param.enum) schema.enum = [...param.enum];
  // Every bound the execute checks before sending, so a model sees it up front instead of in a refusal.
  if (param.minimum !== undefined) schema.minimum = param.minimum;
  if (param.maximum !== undefined) schema.maximum = param.maximum;
  if (param.minLength !== undefined) schema.minLength = param.minLength;
  if (param.maxLength !== undefined) schema.maxLength = param.maxLength;
  if (param.pattern !== undefined) schema.pattern = param.pattern;
  if (param.default !== undefined) schema.default = param.default;
  if (param.description) schema.description = clip(param.description, MAX_PARAM_DESCRIPTION);
  return schema;
}

const TOOL_KEY = /^[a-zA-Z0-9_.-]{1,64}$/;

/**
 * Each parameter's property key in a per-action tool's schema. Anthropic's API (and Bedrock's) refuse a tool whose
 * property keys do not match `^[a-zA-Z0-9_.-]{1,64}$`, so Klaviyo's `page[cursor]` becomes `page_cursor` and ClickUp's
 * `statuses[]` becomes `statuses` (an underscore more while the key is taken); every other name stays as it is.
 */
export function toolKeys(action: CatalogAction): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set(action.params.map((param) => param.name).filter((name) => TOOL_KEY.test(name)));
  for (const { name } of action.params) {
    if (TOOL_KEY.test(name)) {
      keys.set(name, name);
      continue;
    }
    let key = trimEnd(name.replace(/[^a-zA-Z0-9_.-]+/g, "_").replace(/^_+/, ""), "_").slice(0, 60) || "param";
    while (taken.has(key)) key += "_";
    taken.add(key);
    keys.set(name, key);
  }
  return keys;
}

/** The input schema of a per-action tool: the action's own parameters (under their `toolKeys`), the required ones required. */
export function actionInputSchema(action: CatalogAction): ToolInputSchema {
  const keys = toolKeys(action);
  const key = (param: CatalogParam) => keys.get(param.name) ?? param.name;
  return {
    type: "object",
    properties: Object.fromEntries(action.params.map((param) => [key(param), paramSchema(param)])),
    required: action.params.filter((param) => param.required).map(key),
    // A search passes its filter language through; a spec operation takes only the parameters its spec names.
    additionalProperties: false,
  };
}

/**
 * The input schema of a whole-connector tool: `entity` and `action` as enums of what the tool allows, `params` an
 * object (each action's parameters are in the description, and checked before anything is sent), `select_fields`
 * to narrow big records.
 */
export function connectorInputSchema(entities: readonly string[], actions: readonly string[]): ToolInputSchema {
  return {
    type: "object",
    properties: {
      entity: { type: "string", enum: [...entities], description: "The entity to act on." },
      action: { type: "string", enum: [...actions], description: "The action to run on the entity (see the tool description)." },
      params: {
        type: "object",
        description: "The action's parameters, as the tool description lists them (* = required). Omit for none.",
        additionalProperties: true,
      },
      select_fields: {
        type: "array",
        items: { type: "string" },
        description:
          "Optional: only these fields of each record (dot paths, e.g. id, email, address.city), to keep results small. A list paged by record id keeps id.",
      },
    },
    required: ["entity", "action"],
    additionalProperties: false,
  };
}
