// The one door to the resources a first use rarely needs (resources/on-demand.ts: tokens, definitions, workspaces,
// templates, OAuth, administration, workflows, automations, ask), loaded on their first call.
import { loadChunk } from "../load-chunk";

export const loadOnDemand = (): Promise<typeof import("./on-demand")> =>
  loadChunk("workspace and account resources", () => import("./on-demand"));
