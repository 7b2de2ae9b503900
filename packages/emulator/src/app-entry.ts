// The fetch handler alone, with no Node import: for workerd, Deno, Bun or a client's `fetch` option.
export { createEmulatorApp, type EmulatorApp } from "./app.js";
export type { FaultConfig, FaultMatch, ScriptedFault } from "./faults.js";
export type { ApplicationOptions, EmulatorOptions, Role } from "./options.js";
