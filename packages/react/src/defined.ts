/**
 * A copy without the `undefined` entries, so objects built from optional inputs can be passed on under
 * `exactOptionalPropertyTypes` and read the same in a cache key whether a field was left out or set to undefined.
 */
export function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * A hook's input with its workspace resolved: the one it names, else the provider's. `undefined` counts as not given,
 * so a component that forwards an optional prop of its own keeps the provider's workspace.
 */
export function withWorkspace<T extends { workspace?: string | undefined }>(input: T, provided: string | undefined): T {
  return { ...input, workspace: input.workspace ?? provided };
}
