// The one door to the connector runtime (catalogs, validation, paging rules): always a dynamic import, so a bundle
// that never calls a connector carries none of it and a splitting bundler loads it on the first call.
import { loadChunk } from "../load-chunk";

export const loadConnectorRuntime = (): Promise<typeof import("./runtime")> => loadChunk("connector runtime", () => import("./runtime"));
