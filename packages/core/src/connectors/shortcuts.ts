import type { ConnectorHandle } from "../resources/connector";

/** Shortcut names for actions: `apiSearch` -> `api_search`. Entities likewise: `balanceTransactions` -> `balance_transactions`. */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Properties a Proxy must never turn into an entity: promise and serialisation probes, inspection hooks.
const NOT_ENTITIES = new Set(["then", "catch", "finally", "toJSON", "constructor", "inspect", "asymmetricMatch", "$$typeof", "nodeType"]);

/**
 * One generic mechanism for every connector's shortcuts (`stripe.customers.list(params)`): a Proxy that turns any
 * other property into an entity whose methods call `execute`, `paginate` or `download`. No per-connector code and
 * no catalog are needed; a typed handle's types say which entities and actions exist.
 */
export function withShortcuts<H extends ConnectorHandle>(handle: H): H {
  const entities = new Map<string, Record<string, unknown>>();
  const entityOf = (name: string) => {
    let accessor = entities.get(name);
    if (!accessor) {
      const entity = snake(name);
      accessor = new Proxy(
        {
          paginate: (params?: Record<string, unknown>, options?: object) => handle.paginate(entity, "list", params, options),
          download: (params: Record<string, unknown>, options?: object) => handle.download(entity, params, options),
        } as Record<string, unknown>,
        {
          get(target, action) {
            if (typeof action !== "string" || NOT_ENTITIES.has(action)) return undefined;
            if (Object.hasOwn(target, action)) return target[action];
            return (params?: Record<string, unknown>, options?: object) => handle.execute(entity, snake(action), params, options);
          },
        },
      );
      entities.set(name, accessor);
    }
    return accessor;
  };
  return new Proxy(handle, {
    get(target, property) {
      if (typeof property !== "string" || property in target || NOT_ENTITIES.has(property)) {
        const value = Reflect.get(target, property, target);
        // Methods use private fields: call them on the handle, never on the proxy.
        return typeof value === "function" ? value.bind(target) : value;
      }
      return entityOf(property);
    },
  });
}
