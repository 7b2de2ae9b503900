// Resources a first call rarely needs (workspaces, templates, tokens, organizations, workflows...) are loaded on
// their first method call: the client holds a small facade of methods, and the resource's module is a lazy chunk
// that a bundle fetches only when one of its methods runs. Every method of these resources is async or an async
// generator, so a facade method that awaits the module first answers exactly as the resource itself would (an
// async generator's body, checks included, runs on the first `next()` in both).

/**
 * How each method of `T` is forwarded: `"async"` for a method that returns a promise, `"iterator"` for one that
 * returns an async iterable. A method that answers synchronously maps to `never`: it cannot wait for a module.
 */
export type LazyMethods<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: never[]) => AsyncIterable<unknown>
    ? "iterator"
    : T[K] extends (...args: never[]) => Promise<unknown>
      ? "async"
      : never;
};

type Method = (...args: unknown[]) => unknown;

/**
 * A stand-in for a resource whose module loads on the first method call. `methods` names every method of the
 * resource with how it answers (the type refuses a missing, an unknown or a synchronous one, so the facade cannot
 * drift from the class). A load that fails (a lazy chunk the network lost) is tried again on the next call.
 *
 * @example
 * ```ts
 * const workspaces = lazyResource<Workspaces>(async () => new (await import("./on-demand")).Workspaces(ctx), {
 *   list: "async", iterate: "iterator", findByName: "async", stats: "async", get: "async", update: "async", delete: "async",
 * });
 * await workspaces.list(); // loads the module, then lists
 * ```
 */
export function lazyResource<T extends object>(load: () => Promise<T>, methods: LazyMethods<T>): T {
  let loading: Promise<T> | undefined;
  const resource = async (): Promise<Record<string, Method>> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return (await loading) as unknown as Record<string, Method>;
  };
  const facade: Record<string, Method> = {};
  for (const [name, kind] of Object.entries(methods as Record<string, "async" | "iterator">)) {
    facade[name] =
      kind === "iterator"
        ? async function* (...args: unknown[]) {
            const target = await resource();
            yield* target[name]?.(...args) as AsyncIterable<unknown>;
          }
        : async (...args: unknown[]) => {
            const target = await resource();
            return target[name]?.(...args);
          };
  }
  return facade as unknown as T;
}
