import { useSyncExternalStore } from "react";
import type { Session } from "../session";

/** When the widget token expires and how many the page has fetched: never the token itself. */
export function TokenBadge({ session }: { session: Session }) {
  const status = useSyncExternalStore(session.subscribe, session.tokenStatus);
  if (status.fetches === 0) return null;
  const expires = status.expiresAt ? new Date(status.expiresAt).toLocaleTimeString() : "unknown";
  return (
    <p className="token-badge" data-testid="token-status" data-fetches={status.fetches}>
      Widget token fetched {status.fetches}× · expires {expires}
    </p>
  );
}
