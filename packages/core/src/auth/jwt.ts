/** Decodes base64 or base64url (padding optional) to text; undefined when the input is not base64. */
export function decodeBase64Text(input: string): string | undefined {
  try {
    const normalized = input.replace(/-/g, "+").replace(/_/g, "/").replace(/\s/g, "");
    const padded = normalized + "=".repeat((4 - (normalized.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads a JWT's `exp` (seconds) without verifying it: the client only needs to know when to refresh, and the
 * server verifies. Undefined when the token is not a JWT or has no `exp` (api-notes §10 U3).
 */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  const text = decodeBase64Text(payload);
  if (!text) return undefined;
  try {
    const exp = (JSON.parse(text) as { exp?: unknown }).exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined;
  }
}
