// `pnpm version-packages`, the release's version step: `changeset version`, then the correction of one Changesets
// bug. A package that declares another as a peer (react and tools declare core, `workspace:^`) is bumped a *major*
// whenever that peer moves a minor, and from 0.x a major is 1.0.0 (changesets/changesets#794 and #1228). Before 1.0
// a peer's new minor is a minor for its dependents too, so such a 1.0.0 becomes the next minor (0.1.0 -> 0.2.0), in
// package.json and in the heading of the new CHANGELOG.md entry. A package a changeset itself bumps `major` keeps
// its 1.0.0. `pnpm publish` then writes the peer range as `^` the version released.
//
//   node scripts/version-packages.mjs            in the repository (or any folder with .changeset/ and workspaces)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const cwd = process.cwd();
const changesetBin = createRequire(import.meta.url).resolve("@changesets/cli/bin.js");

/** The published (non-private) workspace packages: name -> { dir, version }. */
function publishedPackages() {
  const workspace = readFileSync(path.join(cwd, "pnpm-workspace.yaml"), "utf8");
  const globs = [...workspace.matchAll(/^\s*-\s*["']?([\w./-]+)\/\*["']?\s*$/gm)].map((m) => m[1]);
  const found = new Map();
  for (const parent of globs) {
    const base = path.join(cwd, parent);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const file = path.join(base, name, "package.json");
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, "utf8"));
      if (!pkg.private && pkg.name && pkg.version) found.set(pkg.name, { dir: path.dirname(file), version: pkg.version });
    }
  }
  return found;
}

/** Packages some pending changeset bumps `major` by name (their 1.0.0 is wanted). */
function askedMajor() {
  const dir = path.join(cwd, ".changeset");
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(dir, file), "utf8"))?.[1] ?? "";
    for (const m of front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*major\s*$/gm)) names.add(m[1]);
  }
  return names;
}

const major = askedMajor();
const before = publishedPackages();
const result = spawnSync(process.execPath, [changesetBin, "version"], { cwd, stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);

const corrected = [];
for (const [name, { dir, version }] of publishedPackages()) {
  const old = before.get(name)?.version;
  const zero = old === undefined ? null : /^0\.(\d+)\.\d+$/.exec(old);
  if (!zero || version !== "1.0.0" || major.has(name)) continue;
  const next = `0.${Number(zero[1]) + 1}.0`;
  const manifest = path.join(dir, "package.json");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace(/("version"\s*:\s*)"1\.0\.0"/, `$1"${next}"`));
  const changelog = path.join(dir, "CHANGELOG.md");
  if (existsSync(changelog)) writeFileSync(changelog, readFileSync(changelog, "utf8").replace(/^## 1\.0\.0$/m, `## ${next}`));
  corrected.push(`${name}: ${old} -> ${next} (Changesets said 1.0.0 for a peer's minor)`);
}

// A plain range elsewhere (not `workspace:`) would still name the 1.0.0 that was undone: say so rather than publish it.
const undone = new Set(corrected.map((line) => line.slice(0, line.indexOf(":"))));
const stale = [];
for (const { dir } of publishedPackages().values()) {
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (undone.has(name) && !range.startsWith("workspace:") && range.includes("1.0.0"))
        stale.push(`${pkg.name} ${field} ${name}@${range}`);
    }
  }
}
for (const line of corrected) console.log(`version-packages: ${line}`);
if (stale.length > 0) {
  console.error(`version-packages: these ranges still name the undone 1.0.0, fix them by hand: ${stale.join("; ")}`);
  process.exit(1);
}
