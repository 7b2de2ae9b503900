import type { Principal } from "../auth.js";
import type { CatalogAction, CatalogConnector, CatalogEntity, CatalogParam } from "../catalog/types.js";
import type { EmulatorContext } from "../context.js";
import { DAY } from "../records/scope.js";
import type { Connector } from "../store.js";
import { executeOperation } from "./execute.js";

/** Parents of parents: ClickUp tasks need a list, a list a folder, a folder a space, a space a team. */
const MAX_DEPTH = 4;

/** What ask needs to run lists for one connector. */
export interface ParamContext {
  ctx: EmulatorContext;
  principal: Principal;
  connector: Connector;
  definition: CatalogConnector;
}

export function listOf(entity: CatalogEntity): CatalogAction | undefined {
  return entity.actions.find((a) => a.action === "list");
}

/** The required parameters a caller must fill: paging parameters and those with a default are the operation's business. */
export function requiredParams(action: CatalogAction): CatalogParam[] {
  const paging = new Set([action.cursorParam, action.limitParam, action.pagination?.cursorParam, action.pagination?.limitParam]);
  return action.params.filter((p) => p.required && p.default === undefined && !paging.has(p.name));
}

/**
 * Fills a list's required parameters the way a person would: from the connector's replication config (GitHub's
 * `repositories: ["airbytehq/airbyte"]` gives `owner` and `repo`, Facebook's `account_ids` gives `account_id`),
 * else from the first record of a prior list of the entity the parameter names (`project_gid` from `projects`,
 * GitHub's `number` from `issues`), else from the parameter's type. Never leaves a required parameter out.
 */
export function fillRequiredParams(pc: ParamContext, entity: CatalogEntity, depth = 0): Record<string, unknown> {
  const action = listOf(entity);
  if (!action) return {};
  const filled: Record<string, unknown> = {};
  for (const param of requiredParams(action)) {
    const value =
      fromReplicationConfig(pc, param) ?? (depth < MAX_DEPTH ? fromPriorList(pc, entity, param, depth) : undefined) ?? fromType(pc, param);
    filled[param.name] = coerce(value, param);
  }
  return filled;
}

const normalized = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

function fromReplicationConfig(pc: ParamContext, param: CatalogParam): unknown {
  const config = pc.connector.replication_config;
  const key = normalized(param.name);
  for (const [name, value] of Object.entries(config)) {
    const candidate = normalized(name);
    if (candidate === key || candidate === `${key}s`) return Array.isArray(value) ? value[0] : value;
  }
  // "owner/repo" values, as GitHub's `repositories`: the owner is also the organization and the user to list.
  const slashed = Object.values(config)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .find((v): v is string => typeof v === "string" && /^[\w.-]+\/[\w.-]+$/.test(v));
  if (slashed) {
    const [owner, repo] = slashed.split("/") as [string, string];
    if (["owner", "org", "organization", "username", "login", "user"].includes(key)) return owner;
    if (key === "repo" || key === "repository") return repo;
  }
  // A report window (Amplitude's `start`/`end`): from the replication start date, else the last 30 days, to today.
  if (/^(start|since|from)(date|time|at)?$/.test(key)) {
    const start = Object.entries(config).find(([name]) => /start/i.test(name))?.[1];
    return start ?? new Date(pc.ctx.clock.now() - 30 * DAY).toISOString().slice(0, 10);
  }
  if (/^(end|until|to)(date|time|at)?$/.test(key)) return new Date(pc.ctx.clock.now()).toISOString().slice(0, 10);
  return undefined;
}

/** Entities a parameter names: `project_gid` → projects, `list_id` → lists, `base_id` → bases, `table_id_or_name` → tables. */
function namedEntities(definition: CatalogConnector, param: CatalogParam, self: CatalogEntity): CatalogEntity[] {
  const base = param.name
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/_(id|gid|key|slug|number|uuid|sid)(_or_name)?$|_ids?$/, "");
  if (base === param.name.toLowerCase()) return [];
  const plurals = new Set([base, `${base}s`, `${base}es`, base.replace(/y$/, "ies")]);
  return definition.entities.filter((e) => e !== self && plurals.has(e.name.toLowerCase()) && listOf(e));
}

/** Entities whose records carry a field of the parameter's name (GitHub's issues carry `number`). */
function entitiesWithField(definition: CatalogConnector, param: CatalogParam, self: CatalogEntity): CatalogEntity[] {
  return definition.entities.filter((e) => e !== self && listOf(e)?.record.properties?.[param.name] !== undefined);
}

function fromPriorList(pc: ParamContext, self: CatalogEntity, param: CatalogParam, depth: number): unknown {
  const named = namedEntities(pc.definition, param, self);
  const candidates = [...named, ...entitiesWithField(pc.definition, param, self)];
  for (const parent of candidates) {
    const record = firstRecord(pc, parent, depth + 1);
    if (!record) continue;
    // A parameter named after its entity takes that entity's key; one named like a field takes that field.
    const field = named.includes(parent) && record[param.name] === undefined ? (parent.key?.field ?? "id") : param.name;
    const value = record[field] ?? record.id ?? record.gid;
    if (value !== undefined && value !== null && typeof value !== "object") return value;
  }
  return undefined;
}

function firstRecord(pc: ParamContext, entity: CatalogEntity, depth: number): Record<string, unknown> | undefined {
  try {
    const params = { ...fillRequiredParams(pc, entity, depth), limit: 1 };
    const outcome = executeOperation(pc.ctx, pc.principal, pc.connector, { entity: entity.name, action: "list", params });
    const [first] = recordsOf(outcome.result, listOf(entity));
    return first && typeof first === "object" ? (first as Record<string, unknown>) : undefined;
  } catch {
    // The parent list cannot run (entity not enabled, credentials): try the next candidate.
    return undefined;
  }
}

/** The records of a list's result: the array itself, or the array at the spec's record path (Salesforce `searchRecords`). */
export function recordsOf(result: unknown, action: CatalogAction | undefined): unknown[] {
  let value = result;
  for (const key of action?.shape?.kind === "records" ? action.shape.path : []) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  return Array.isArray(value) ? value : [];
}

function fromType(pc: ParamContext, param: CatalogParam): unknown {
  if (param.enum?.length) return param.enum[0];
  const type = [param.type].flat()[0];
  if (type === "integer" || type === "number") return param.minimum ?? 1;
  if (type === "boolean") return false;
  if (type === "array") return [];
  if (type === "object") return {};
  return `${pc.definition.name}-${param.name}`;
}

function coerce(value: unknown, param: CatalogParam): unknown {
  const type = [param.type].flat()[0];
  if ((type === "integer" || type === "number") && typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  if (type === "string" && typeof value === "number") return String(value);
  if (type === "array" && !Array.isArray(value)) return [value];
  return value;
}
