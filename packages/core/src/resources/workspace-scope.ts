import type { TokenProvider } from "../transport/transport";
import type { ResourceContext } from "./context";

/** One workspace as resources see it: its name and the token that reaches it (application or scoped). */
export interface WorkspaceScope {
  ctx: ResourceContext;
  name: string;
  auth: TokenProvider;
  /** True when `auth` is a scoped or widget token: some endpoints (update, check, inspect) need an application token. */
  scoped: boolean;
}
