// Tool descriptions generated from a connector's catalog, bounded in size. A description is built at the most
// detailed level that fits the budget: level 0 has each action's description, every parameter with its type,
// range and allowed values, the search fields and six example questions; each later level drops detail (action
// descriptions, then types, then optional parameters, then parameters), and the last cuts the entity list. The
// entity and action enums of the input schema always list everything, and a wrong call is answered with the valid
// choices, so a model can still find what a short description leaves out.
import type { CatalogAction, CatalogParam, ConnectorCatalog } from "@airbyte-agents/core";
import { clip } from "./schema";

/**
 * The default description budget, in characters: about 2,000 tokens at the usual 4 characters a token (see
 * {@link estimateTokens}). The 51 connectors' descriptions and their measured token counts are in the README.
 *
 * @example
 * ```ts
 * connectorTools(ws, "shopify", { maxDescriptionChars: DEFAULT_MAX_DESCRIPTION_CHARS * 2 });
 * ```
 */
export const DEFAULT_MAX_DESCRIPTION_CHARS = 8_000;

/**
 * The token count of a text, estimated as one token per 4 characters (rounded up): the rule of thumb of OpenAI's
 * and Anthropic's docs for English. Measured against the o200k tokenizer on the 51 connectors' descriptions it is
 * within about 25% (the README has the figures): good enough to size a budget, not to bill.
 *
 * @example
 * ```ts
 * estimateTokens(tool.description); // ≈ tool.description.length / 4
 * ```
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const MAX_ENUM_VALUES = 8;
const MAX_SEARCH_FIELDS = 12;

function enumText(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_ENUM_VALUES).map((v) => JSON.stringify(v));
  return values.length > MAX_ENUM_VALUES ? `${shown.join("|")}|…(${values.length - MAX_ENUM_VALUES} more)` : shown.join("|");
}

function typeText(param: CatalogParam): string {
  if (param.enum) return enumText(param.enum);
  if (param.type === "array" && param.itemEnum) return `array of ${enumText(param.itemEnum)}`;
  if (param.type === "any") return "";
  const range =
    param.minimum !== undefined || param.maximum !== undefined ? ` ${param.minimum ?? ""}..${param.maximum ?? ""}`.trimEnd() : "";
  return `${param.type}${range}`;
}

/** How much of each action a level shows. */
interface Level {
  actionDescriptions: boolean;
  searchFields: boolean;
  params: "typed" | "names" | "required" | "none";
  examples: number;
}

const LEVELS: readonly Level[] = [
  { actionDescriptions: true, searchFields: true, params: "typed", examples: 6 },
  { actionDescriptions: false, searchFields: false, params: "typed", examples: 4 },
  { actionDescriptions: false, searchFields: false, params: "names", examples: 3 },
  { actionDescriptions: false, searchFields: false, params: "required", examples: 2 },
  { actionDescriptions: false, searchFields: false, params: "none", examples: 0 },
];

const SEARCHES = ["search", "context_store_search"];
/** A context-store search (`search|context_store_search` is the merged line of both). */
const isSearch = (action: CatalogAction) => action.name.split("|").every((name) => SEARCHES.includes(name));

function paramsText(action: CatalogAction, level: Level): string {
  if (level.params === "none") return "";
  // Search parameters are the same for every entity: the header says them once.
  if (isSearch(action)) return level.params === "required" ? "" : "query, limit, cursor, fields";
  const params = level.params === "required" ? action.params.filter((p) => p.required) : action.params;
  return params
    .map((p) => {
      const name = `${p.name}${p.required ? "*" : ""}`;
      if (level.params !== "typed") return p.enum ? `${name}: ${enumText(p.enum)}` : name;
      const type = typeText(p);
      return type ? `${name}: ${type}` : name;
    })
    .join(", ");
}

function actionLine(action: CatalogAction, level: Level): string {
  const params = paramsText(action, level);
  let line = level.params === "none" || !params ? action.name : `${action.name}(${params})`;
  if (level.actionDescriptions && action.description) line += `: ${clip(action.description, 110)}`;
  if (level.searchFields && isSearch(action) && action.searchFields?.length) {
    const fields = action.searchFields;
    const more = fields.length > MAX_SEARCH_FIELDS ? `, …(${fields.length - MAX_SEARCH_FIELDS} more)` : "";
    line += ` [fields: ${fields.slice(0, MAX_SEARCH_FIELDS).join(", ")}${more}]`;
  }
  return line;
}

function entityBlock(entity: { name: string; actions: CatalogAction[] }, level: Level): string {
  // `search` and `context_store_search` are the same operation under two names: one line for both.
  const searches = entity.actions.filter(isSearch);
  const first = searches[0];
  const actions =
    searches.length > 1 && first
      ? entity.actions
          .filter((a) => !isSearch(a) || a === first)
          .map((a) => (a === first ? { ...a, name: searches.map((s) => s.name).join("|") } : a))
      : entity.actions;
  if (level.params === "none" || level.params === "required") {
    return `- ${entity.name}: ${actions.map((a) => actionLine(a, level)).join("; ")}`;
  }
  return [`- ${entity.name}`, ...actions.map((a) => `  ${actionLine(a, level)}`)].join("\n");
}

/**
 * What a connector tool's description is made of: the catalog, the entities and actions the tool allows, and the
 * budget.
 */
export interface DescriptionInput {
  catalog: ConnectorCatalog;
  entities: { name: string; actions: CatalogAction[] }[];
  /** The write actions the tool allows, named in the header (empty: reads only). */
  writes: readonly string[];
  maxChars: number;
  /** The developer's own first line (what this connector is for in this agent), put before the generated text. */
  preamble?: string | undefined;
}

function header(input: DescriptionInput): string[] {
  const { catalog, entities, writes } = input;
  const about = catalog.description ? ` ${clip(catalog.description, 240)}` : "";
  const lines = [
    ...(input.preamble ? [input.preamble] : []),
    `${catalog.displayName}, through Airbyte.${about}`,
    'Call with {"entity", "action", "params"}; * marks a required parameter. A result is {"ok": true, "data", "nextPage"?}: when nextPage is there, more records follow; merge nextPage.params into params to read them.',
    writes.length > 0 ? `Writes allowed: ${writes.join(", ")}.` : "Read-only: this tool cannot create, update or delete.",
  ];
  if (entities.some((e) => e.actions.some(isSearch))) {
    lines.push(
      'search/context_store_search query the synced copy: {"query": {"filter": {"eq": {"field": "value"}}, "sort": [{"field": "desc"}]}, "limit", "cursor"}; operators eq, neq, gt, gte, lt, lte, in, like, fuzzy, keyword, contains, any, has, and, or, not.',
    );
  }
  return lines;
}

function examples(catalog: ConnectorCatalog, count: number): string[] {
  if (count === 0) return [];
  const all = [...catalog.exampleQuestions.direct, ...catalog.exampleQuestions.search];
  // Direct questions first, then search ones, alternating so both kinds show.
  const picked: string[] = [];
  const { direct, search } = catalog.exampleQuestions;
  for (let i = 0; picked.length < count && i < Math.max(direct.length, search.length); i++) {
    if (direct[i] !== undefined && picked.length < count) picked.push(direct[i] as string);
    if (search[i] !== undefined && picked.length < count) picked.push(search[i] as string);
  }
  return all.length === 0 ? [] : [`Example questions: ${picked.map((q) => JSON.stringify(q)).join("; ")}.`];
}

/**
 * A whole-connector tool's description at the most detailed level that fits `maxChars` (see the file's comment).
 * Returns the text and the level used (0 = full).
 */
export function connectorDescription(input: DescriptionInput): { text: string; level: number } {
  const top = header(input);
  for (let index = 0; index < LEVELS.length; index++) {
    const level = LEVELS[index] as Level;
    const text = [
      ...top,
      "Entities and actions:",
      ...input.entities.map((e) => entityBlock(e, level)),
      ...examples(input.catalog, level.examples),
    ].join("\n");
    if (text.length <= input.maxChars) return { text, level: index };
  }
  // Even bare action lists are too long: as many entities as fit, and a pointer to the schema's enum for the rest.
  const last = LEVELS[LEVELS.length - 1] as Level;
  const lines = [...top, "Entities and actions:"];
  let length = lines.join("\n").length;
  let shown = 0;
  for (const entity of input.entities) {
    const line = entityBlock(entity, last);
    const tail = `\n… and ${input.entities.length - shown - 1} more entities: the entity enum lists them all.`;
    if (length + line.length + 1 + tail.length > input.maxChars) break;
    lines.push(line);
    length += line.length + 1;
    shown++;
  }
  if (shown < input.entities.length) lines.push(`… and ${input.entities.length - shown} more entities: the entity enum lists them all.`);
  return { text: lines.join("\n").slice(0, Math.max(input.maxChars, 0)), level: LEVELS.length };
}

/** A per-action tool's description: the connector, the entity and action, and the action's own description. */
export function actionDescription(catalog: ConnectorCatalog, entity: string, action: CatalogAction, preamble?: string): string {
  const what = action.description ? clip(action.description, 600) : `${action.name} ${entity}`;
  const paging = action.pagination
    ? ' A result is {"ok": true, "data", "nextPage"?}: when nextPage is there, call again with nextPage.params merged in.'
    : "";
  return `${preamble ? `${preamble}\n` : ""}${catalog.displayName} ${entity}.${action.name}, through Airbyte: ${what}${paging}`;
}
