// The resources a client loads on their first call (lazy.ts), in one module: one lazy chunk for all of them keeps
// a bundler's code splitting to one boundary instead of one per resource, each with its own shared chunks.
export { ask } from "./ask";
export { Definitions } from "./definitions";
export { OAuthCredentials } from "./oauth";
export { Admin } from "./organizations";
export { Templates } from "./templates";
export { Tokens } from "./tokens";
export { Automations, Workflows } from "./workflows";
export { Workspaces } from "./workspaces";
