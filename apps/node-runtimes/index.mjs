// The extra Node versions the tests run on, besides the Node running them: their exact versions and binaries.
// The binaries are npm's per-platform `node-<os>-<cpu>` packages, the ones the `node` package's preinstall would
// fetch; depending on them directly needs no install script (pnpm warned that the `node` package's bin did not
// exist yet when it linked it).
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Major -> the exact version pinned in package.json (keep both in step). */
export const NODE_VERSIONS = { 22: "22.23.3", 24: "24.21.0" };

/**
 * `[{ label: "node22", version: "22.23.3", binary }, ...]`. A missing binary throws: a platform without a package
 * here (macOS: the registry mirror has no node-darwin-* of these versions) fails the run rather than skipping it.
 */
export function nodeRuntimes() {
  const platform = `${process.platform}-${process.arch}`;
  return Object.entries(NODE_VERSIONS).map(([major, version]) => {
    const name = `node-${major}-${platform}`;
    let binary;
    try {
      binary = path.join(path.dirname(require.resolve(`${name}/package.json`)), "bin", "node");
      accessSync(binary, constants.X_OK);
    } catch {
      throw new Error(`Node ${version} for ${platform} is not installed (${name} in apps/node-runtimes): not skipping`);
    }
    return { label: `node${major}`, version, binary };
  });
}
