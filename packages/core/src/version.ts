/**
 * The SDK's version, sent in the user agent. Kept equal to package.json's by a test.
 *
 * @example
 * ```ts
 * console.log(`@airbyte-agents/core ${VERSION}`);
 * ```
 */
export const VERSION = "0.1.0";
