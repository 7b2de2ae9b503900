import type { CatalogAction, ConnectorCatalog } from "@airbyte-agents/core";

/**
 * The actions a tool may run unless told otherwise: reads only. `download` streams a file's bytes (read).
 *
 * @example
 * ```ts
 * connectorTools(ws, "stripe", { actions: [...READ_ACTIONS, "customers.create"] });
 * ```
 */
export const READ_ACTIONS: readonly string[] = ["list", "get", "search", "api_search", "context_store_search", "download"];

/**
 * Which actions a tool may run: `"all"`, or a list whose entries are action names (`"list"`, any entity) or
 * `entity.action` pairs (`"customers.create"`, one entity). The default is {@link READ_ACTIONS}.
 *
 * @example
 * ```ts
 * const rule: ActionRule = ["list", "get", "customers.create", "customers.update"];
 * ```
 */
export type ActionRule = "all" | readonly string[];

/** Whether an action only reads. */
export function isReadAction(action: string): boolean {
  return READ_ACTIONS.includes(action);
}

/** Whether the rule lets a tool run `action` on `entity`. */
export function allows(rule: ActionRule, entity: string, action: string): boolean {
  if (rule === "all") return true;
  return rule.includes(action) || rule.includes(`${entity}.${action}`);
}

/** The entities and actions of a catalog that a rule allows (and an entity filter keeps), in catalog order. */
export function allowedOperations(
  catalog: ConnectorCatalog,
  rule: ActionRule,
  entities: readonly string[] | undefined,
): { name: string; actions: CatalogAction[] }[] {
  return catalog.entities
    .filter((entity) => entities === undefined || entities.includes(entity.name))
    .map((entity) => ({ name: entity.name, actions: entity.actions.filter((action) => allows(rule, entity.name, action.name)) }))
    .filter((entity) => entity.actions.length > 0);
}
