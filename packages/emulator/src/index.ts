export { createEmulatorApp, type EmulatorApp } from "./app.js";
export type { FaultConfig, FaultMatch, ScriptedFault } from "./faults.js";
export { type CreateEmulatorOptions, createEmulator, type RunningEmulator } from "./node.js";
export type { ApplicationOptions, EmulatorOptions, Role } from "./options.js";
export type { EmulatorControl, RequestLogEntry } from "./routes/control.js";
