import type { TokenProvider } from "../transport/transport";
import type { ResourceContext } from "./context";

/** One workspace as resources see it: its name and the token that reaches it (application or scoped). */
export interface WorkspaceScope {
  ctx: ResourceContext;
  name: string;
  /**
   * The name when it is known without waiting; a widget client's is not until its token is read (reading `name`
   * then is a bug). Absent: `name` is always known.
   */
  knownName?: () => string | undefined;
  auth: TokenProvider;
  /** True when `auth` is a scoped or widget token: endpoints that need an application token (update, check, inspect) then answer 403. */
  scoped: boolean;
}
