// The verbatim secrets of a server client. A backend that creates connectors for its users keeps every credential
// for the client's life (so a later error that echoes one is still redacted): tens of thousands of entries, while a
// text to redact (one response's request id, an error body) stays short. Testing each secret in turn, as the default
// list does, costs every response the whole set, and keeping that list sorted costs every new credential a sort. Here
// each secret is filed under its first MIN_SECRET_LENGTH characters, so a text's secrets are found from the text's own
// windows: the cost follows the text, not the set. The widget client never holds more than a few tokens and never
// loads this file.
import { type LiteralSecrets, MIN_SECRET_LENGTH, redactLiterals } from "./redact";

// Up to this many secrets, `includes` on each (a fast native scan) beats looking up every window of the text.
const SCAN_ALL_UP_TO = 32;

/**
 * Creates the {@link LiteralSecrets} of a client that may hold many secrets; it redacts exactly what the default
 * list does.
 *
 * @example
 * ```ts
 * const secrets = createSecretRegistry(createIndexedSecrets());
 * for (const user of users) secrets.addAll(user.credentials); // 10,000 users: each add and redaction stays in µs
 * ```
 */
export function createIndexedSecrets(): LiteralSecrets {
  // Each secret with the order it was added in, which breaks ties between secrets of one length.
  const order = new Map<string, number>();
  const byPrefix = new Map<string, string[]>();
  let added = 0;
  const prefixOf = (secret: string): string => secret.slice(0, MIN_SECRET_LENGTH);

  const occurring = (text: string): string[] => {
    const found: string[] = [];
    if (order.size <= SCAN_ALL_UP_TO) {
      for (const secret of order.keys()) if (text.includes(secret)) found.push(secret);
      return found;
    }
    for (let at = 0; at + MIN_SECRET_LENGTH <= text.length; at++) {
      const filed = byPrefix.get(text.slice(at, at + MIN_SECRET_LENGTH));
      if (filed === undefined) continue;
      for (const secret of filed) if (text.startsWith(secret, at) && !found.includes(secret)) found.push(secret);
    }
    return found;
  };

  return {
    add(secret) {
      if (secret.length < MIN_SECRET_LENGTH || order.has(secret)) return;
      order.set(secret, added++);
      const filed = byPrefix.get(prefixOf(secret));
      if (filed === undefined) byPrefix.set(prefixOf(secret), [secret]);
      else filed.push(secret);
    },
    delete(secret) {
      if (!order.delete(secret)) return;
      const filed = byPrefix.get(prefixOf(secret)) ?? [];
      filed.splice(filed.indexOf(secret), 1);
      // Minted tokens come and go for weeks: an emptied prefix is dropped, so the map stays bounded.
      if (filed.length === 0) byPrefix.delete(prefixOf(secret));
    },
    redact: (text) =>
      redactLiterals(
        text,
        occurring(text).sort((a, b) => b.length - a.length || (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      ),
  };
}
