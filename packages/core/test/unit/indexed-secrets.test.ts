import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIndexedSecrets } from "../../src/indexed-secrets";
import { createSecretRegistry, MAX_ROTATING_SECRETS, REDACTED, redactText } from "../../src/redact";

// The rule the set must keep, written the plain way: every secret, longest first (equal lengths in the order added),
// replaced wherever it still occurs.
function reference(text: string, secrets: readonly string[]): string {
  const ordered = [...new Set(secrets.filter((secret) => secret.length >= 6))].sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  // A registry also applies the pattern rules, after the literals.
  return redactText(result);
}

// Three letters, so secrets share prefixes, overlap and contain one another; none of them is in the marker.
const letters = fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 6, maxLength: 14 });

describe("createIndexedSecrets", () => {
  it("redacts what the default list redacts, for a few secrets and for many", () => {
    fc.assert(
      fc.property(
        // Both sides of the size where the set starts looking texts up by prefix (32).
        fc
          .integer({ min: 1, max: 120 })
          .chain((count) => fc.array(letters, { minLength: count, maxLength: count }))
          .chain((secrets) =>
            fc.tuple(
              fc.constant(secrets),
              // The text is made of the secrets, pieces of them and filler, so every run has something to find.
              fc.array(
                fc.oneof(
                  fc.constantFrom(...secrets),
                  fc.constantFrom(...secrets).map((secret) => secret.slice(1)),
                  fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "x"), maxLength: 4 }),
                ),
                { maxLength: 12 },
              ),
            ),
          ),
        ([secrets, pieces]) => {
          const plain = createSecretRegistry();
          const indexed = createSecretRegistry(createIndexedSecrets());
          for (const secret of secrets) {
            plain.add(secret);
            indexed.add(secret);
          }
          const text = pieces.join("");
          expect(plain.redact(text)).toBe(reference(text, secrets));
          expect(indexed.redact(text)).toBe(reference(text, secrets));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("past the size where it looks texts up by prefix, still removes a longer secret whole before a shorter one", () => {
    const literals = createIndexedSecrets();
    for (let i = 0; i < 100; i++) literals.add(`filler-secret-${i}`);
    literals.add("abcdef");
    literals.add("abcdef-longer-secret");
    literals.add("xxabcdef-longer");
    expect(literals.redact("v=abcdef-longer-secret w=abcdef u=xxabcdef-longer")).toBe(`v=${REDACTED} w=${REDACTED} u=${REDACTED}`);
    expect(literals.redact("filler-secret-7 and filler-secret-77")).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it("forgets a deleted secret, also among many that share its prefix", () => {
    const literals = createIndexedSecrets();
    for (let i = 0; i < 100; i++) literals.add(`shared-prefix-${i}`);
    literals.delete("shared-prefix-42");
    expect(literals.redact("shared-prefix-42")).toBe(`${REDACTED}2`);
    literals.delete("shared-prefix-4");
    expect(literals.redact("shared-prefix-42 shared-prefix-41")).toBe(`shared-prefix-42 ${REDACTED}`);
    literals.add("alone-under-its-prefix");
    literals.delete("alone-under-its-prefix");
    expect(literals.redact("alone-under-its-prefix")).toBe("alone-under-its-prefix");
  });

  it("ignores what is too short, and a secret added twice is one secret", () => {
    const literals = createIndexedSecrets();
    literals.add("abcde");
    literals.add("abcdef");
    literals.add("abcdef");
    literals.delete("abcdef");
    expect(literals.redact("abcde abcdef")).toBe("abcde abcdef");
  });
});

describe("createSecretRegistry(createIndexedSecrets()) with many credentials", () => {
  it("redacts each of 5,000 credentials and their URL-encoded forms, and forgets rotated tokens among them", () => {
    const secrets = createSecretRegistry(createIndexedSecrets());
    const credential = (i: number) => `sk_live_user${i}/key ${i}`;
    for (let i = 0; i < 5000; i++) secrets.addAll({ api_key: credential(i) });
    for (const i of [0, 2500, 4999]) {
      expect(secrets.redact(`echo ${credential(i)}!`)).toBe(`echo ${REDACTED}!`);
      expect(secrets.redact(`q=${encodeURIComponent(credential(i))}&x=1`)).toBe(`q=${REDACTED}&x=1`);
    }
    const token = (i: number) => `opaque-token-${String(i).padStart(4, "0")}-value`;
    for (let i = 0; i <= MAX_ROTATING_SECRETS; i++) secrets.addRotating(token(i));
    expect(secrets.redact(`old ${token(0)}`)).toBe(`old ${token(0)}`);
    expect(secrets.redact(`new ${token(MAX_ROTATING_SECRETS)}`)).toBe(`new ${REDACTED}`);
    // The same answer as the plain rule over the whole list.
    const text = `${credential(17)} ${credential(1)} ${credential(1700)} sk_live_user9999/key 9999`;
    expect(secrets.redact(text)).toBe(redactText(text, [credential(1700), credential(17), credential(1)]));
  });
});
