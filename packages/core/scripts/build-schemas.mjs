#!/usr/bin/env node
// Generates src/schemas/generated/api.ts: valibot response schemas read from the official OpenAPI
// document of the Airbyte Agent API (reference/openapi/airbyte-agent-api.json at the repository root).
//
//   node scripts/build-schemas.mjs                  write src/schemas/generated/api.ts
//   node scripts/build-schemas.mjs --out <file>     write elsewhere (the unit test regenerates into a temp file)
//   node scripts/build-schemas.mjs --no-annotations leave out the explicit types that `isolatedDeclarations` needs
//   AIRBYTE_REFERENCE_DIR=<dir>                     the `reference` folder holding openapi/airbyte-agent-api.json
//
// What is emitted: every component schema reachable from the operations' responses (the 2xx bodies, plus the
// error body they all share), in dependency order, and `operations`, each operation's success response.
// Responses are parsed leniently about additions and strictly about shapes: objects are loose, string enums
// are open, string formats (uuid, date-time) are not enforced, defaults are not injected.
//
// The output is deterministic: the same document gives the same bytes. Anything the mapping does not know
// stops the script with an error instead of being guessed at.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE = {
  repository: "airbytehq/airbyte-cli",
  path: "api/app_public.json",
  commit: "112c6df",
  license: "Elastic License 2.0",
};
const PACKAGE_DIR = fileURLToPath(new URL("../", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DEFAULT_OUT = join(PACKAGE_DIR, "src", "schemas", "generated", "api.ts");
const REF_PREFIX = "#/components/schemas/";
const METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
const RESERVED = new Set(["v", "openEnum", "operations"]);
const WIDTH = 140;
const OPEN_ENUM_IMPORT = 'import { openEnum } from "../open-enum";';

// ---------------------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const options = { out: DEFAULT_OUT, annotations: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") {
      const value = argv[++i];
      if (!value) throw new Error("--out needs a file name");
      options.out = resolve(value);
    } else if (arg.startsWith("--out=")) {
      options.out = resolve(arg.slice("--out=".length));
    } else if (arg === "--no-annotations") {
      options.annotations = false;
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return options;
}

function referencePath(env) {
  const dir = env.AIRBYTE_REFERENCE_DIR ? resolve(env.AIRBYTE_REFERENCE_DIR) : join(REPO_ROOT, "reference");
  return join(dir, "openapi", "airbyte-agent-api.json");
}

// ---------------------------------------------------------------------------------------------------------
// A small Wadler/Prettier-style printer: groups print flat when they fit in WIDTH columns, else broken.

const line = { t: "line" };
const softline = { t: "line", soft: true };
const group = (contents, forceBreak = false) => ({ t: "group", contents, break: forceBreak });
const indent = (contents) => ({ t: "indent", contents });
const ifBreak = (broken, flat = "") => ({ t: "ifBreak", broken, flat });

function joinDocs(separator, docs) {
  const out = [];
  docs.forEach((doc, i) => {
    if (i > 0) out.push(separator);
    out.push(doc);
  });
  return out;
}

function propagateBreaks(doc) {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.map(propagateBreaks).some(Boolean);
  switch (doc.t) {
    case "group": {
      const inner = propagateBreaks(doc.contents);
      doc.break = doc.break || inner;
      return doc.break;
    }
    case "indent":
      return propagateBreaks(doc.contents);
    case "ifBreak":
      return propagateBreaks(doc.broken) || propagateBreaks(doc.flat);
    default:
      return false;
  }
}

function fits(next, rest, width) {
  const stack = [next];
  let restIndex = rest.length;
  while (width >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]);
      continue;
    }
    const { mode, doc } = stack.pop();
    if (typeof doc === "string") width -= doc.length;
    else if (Array.isArray(doc)) for (let i = doc.length - 1; i >= 0; i--) stack.push({ mode, doc: doc[i] });
    else if (doc.t === "indent") stack.push({ mode, doc: doc.contents });
    else if (doc.t === "group") stack.push({ mode: doc.break ? "break" : mode, doc: doc.contents });
    else if (doc.t === "ifBreak") stack.push({ mode, doc: mode === "break" ? doc.broken : doc.flat });
    else if (doc.t === "line") {
      if (mode === "break") return true;
      if (!doc.soft) width -= 1;
    }
  }
  return false;
}

function render(doc) {
  propagateBreaks(doc);
  const out = [];
  let column = 0;
  const stack = [{ indentation: 0, mode: "break", doc }];
  while (stack.length > 0) {
    const command = stack.pop();
    const { indentation, mode, doc: current } = command;
    if (typeof current === "string") {
      out.push(current);
      column += current.length;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ indentation, mode, doc: current[i] });
    } else if (current.t === "indent") {
      stack.push({ indentation: indentation + 2, mode, doc: current.contents });
    } else if (current.t === "group") {
      const flat = mode === "flat" || (!current.break && fits({ mode: "flat", doc: current.contents }, stack, WIDTH - column));
      stack.push({ indentation, mode: flat ? "flat" : "break", doc: current.contents });
    } else if (current.t === "ifBreak") {
      stack.push({ indentation, mode, doc: mode === "break" ? current.broken : current.flat });
    } else if (current.t === "line") {
      if (mode === "flat") {
        if (!current.soft) {
          out.push(" ");
          column += 1;
        }
      } else {
        out.push(`\n${" ".repeat(indentation)}`);
        column = indentation;
      }
    }
  }
  return out.join("");
}

// Code shapes. An object or array literal that is a call's only argument (or an object type that is the
// first type argument, followed by short ones) is "hugged": `v.looseObject({` ... `})`.
const HUG = Symbol("hug");
const hugged = (doc) => Object.assign(doc, { [HUG]: true });

// Every call is marked pure: with `sideEffects: false` a bundler then drops each schema nobody imports, and
// valibot with them (an import of `isAirbyteError` alone must not carry the API's response schemas).
const PURE = "/* @__PURE__ */ ";

function call(name, args) {
  const callee = `${PURE}${name}`;
  if (args.length === 0) return `${callee}()`;
  if (args.length === 1 && args[0][HUG]) return group([callee, "(", args[0], ")"]);
  return group([callee, "(", indent([softline, joinDocs([",", line], args)]), ifBreak(","), softline, ")"]);
}

function arrayLiteral(items) {
  if (items.length === 0) return "[]";
  return hugged(group(["[", indent([softline, joinDocs([",", line], items)]), ifBreak(","), softline, "]"]));
}

/** Objects print one key a line (`expand`), like a formatter keeps hand-written ones, unless asked not to. */
function objectLiteral(entries, expand = true) {
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, value]) => [propertyKey(key), ": ", value]);
  return hugged(group(["{", indent([line, joinDocs([",", line], members)]), ifBreak(","), line, "}"], expand));
}

function typeReference(name, args) {
  if (args.length === 0) return name;
  const [first, ...rest] = args;
  if (first[HUG] && rest.every((arg) => typeof arg === "string")) return group([name, "<", first, ...rest.map((arg) => `, ${arg}`), ">"]);
  return group([name, "<", indent([softline, joinDocs([",", line], args)]), softline, ">"]);
}

function typeLiteral(entries, { expand = true, readonly = false } = {}) {
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, value], i) => [
    readonly ? "readonly " : "",
    propertyKey(key),
    ": ",
    value,
    i === entries.length - 1 ? ifBreak(";") : ";",
  ]);
  return hugged(group(["{", indent([line, joinDocs(line, members)]), line, "}"], expand));
}

function tupleType(items) {
  return group(["readonly [", indent([softline, joinDocs([",", line], items)]), softline, "]"]);
}

function unionType(members) {
  return group(indent([softline, joinDocs([line, "| "], members)]));
}

function propertyKey(key) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

// ---------------------------------------------------------------------------------------------------------
// Reading the document

function refName(ref) {
  if (typeof ref !== "string" || !ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref (only local component schemas): ${ref}`);
  return decodeURIComponent(ref.slice(REF_PREFIX.length).replace(/~1/g, "/").replace(/~0/g, "~"));
}

function collectRefs(node, out) {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.add(refName(value));
      // Examples and defaults are data, not schemas.
      else if (key !== "examples" && key !== "example" && key !== "default" && key !== "const" && key !== "enum") collectRefs(value, out);
    }
  }
  return out;
}

/** `app__api__account__applications__schemas__ScopedTokenCreateRequest` -> `ScopedTokenCreateRequest`; `RowFilteringMapper-Output` -> `RowFilteringMapperOutput`. */
function pascal(parts) {
  const name = parts
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function shortName(raw) {
  const base = raw.includes("__") ? raw.slice(raw.lastIndexOf("__") + 2) : raw;
  return pascal(base.split(/[^A-Za-z0-9]+/));
}

function fullName(raw) {
  return pascal(raw.split(/__|[^A-Za-z0-9]+/));
}

/** Names for every component (not only the emitted ones, so a name does not change when reachability does). */
function assignNames(componentNames) {
  const byShort = new Map();
  for (const raw of [...componentNames].sort()) {
    const short = shortName(raw);
    byShort.set(short, [...(byShort.get(short) ?? []), raw]);
  }
  const names = new Map();
  const collisions = [];
  for (const [short, raws] of byShort) {
    // The least prefixed spelling keeps the short name; the longer-prefixed ones keep their prefix.
    const ordered = [...raws].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const [i, raw] of ordered.entries()) names.set(raw, i === 0 ? short : fullName(raw));
    if (ordered.length > 1) collisions.push({ name: short, components: ordered, renamed: ordered.slice(1).map((raw) => names.get(raw)) });
  }
  for (const [raw, name] of names) if (RESERVED.has(name)) names.set(raw, `${name}Schema`);
  const seen = new Map();
  for (const [raw, name] of names) {
    if (seen.has(name)) throw new Error(`two components still share the name ${name}: ${seen.get(name)} and ${raw}`);
    seen.set(name, raw);
  }
  return { names, collisions };
}

function listOperations(doc) {
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = Object.entries(operation.responses ?? {});
      const success = responses.filter(([status]) => /^2\d\d$/.test(status)).sort(([a], [b]) => Number(a) - Number(b));
      if (success.length === 0) throw new Error(`${method.toUpperCase()} ${path} has no 2xx response`);
      const [status, response] = success[0];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        path,
        method,
        status: Number(status),
        schema: jsonSchemaOf(response, `${method.toUpperCase()} ${path} ${status}`),
        errors: responses
          .filter(([code]) => !/^2/.test(code))
          .map(([code, body]) => ({ status: code, schema: jsonSchemaOf(body, `${path} ${code}`) })),
      });
    }
  }
  // Sorted by path, then by method in HTTP's usual order, so that moving paths around upstream does not churn the file.
  return operations.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : METHODS.indexOf(a.method) - METHODS.indexOf(b.method)));
}

function jsonSchemaOf(response, where) {
  if (response.$ref) throw new Error(`${where}: response $ref is not supported`);
  const content = response.content;
  if (!content || Object.keys(content).length === 0) return null;
  const type = "application/json" in content ? "application/json" : Object.keys(content).find((t) => /[/+]json$/.test(t));
  if (!type) throw new Error(`${where}: no JSON content (${Object.keys(content).join(", ")})`);
  return content[type].schema ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// JSON Schema -> valibot: each node gives its expression and, for `isolatedDeclarations`, its type.

const KNOWN_KEYWORDS = new Set(
  [
    "type properties required additionalProperties items anyOf oneOf allOf $ref enum const",
    // Annotations, and validations that a lenient response parser does not enforce (format, lengths, ranges).
    "title description default examples example format minLength maxLength pattern minimum maximum exclusiveMinimum",
    "exclusiveMaximum minItems maxItems uniqueItems discriminator deprecated readOnly writeOnly nullable contentMediaType contentEncoding",
  ]
    .join(" ")
    .split(" "),
);

function isNullSchema(schema) {
  return schema && typeof schema === "object" && schema.type === "null" && !schema.anyOf && !schema.oneOf && !schema.$ref;
}

function convert(schema, ctx, where) {
  if (schema === true || (schema && typeof schema === "object" && Object.keys(schema).every((k) => k === "title" || k === "description"))) {
    return { expr: `${PURE}v.unknown()`, type: "v.UnknownSchema" };
  }
  if (!schema || typeof schema !== "object") throw new Error(`${where}: unsupported schema ${JSON.stringify(schema)}`);
  for (const key of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(key) && !key.startsWith("x-")) throw new Error(`${where}: unsupported keyword "${key}"`);
  }
  if (schema.nullable === true) throw new Error(`${where}: OpenAPI 3.0 "nullable" in a 3.1 document`);

  if (schema.$ref) return ctx.reference(refName(schema.$ref));

  if ("const" in schema) {
    const value = schema.const;
    if (value === null) return nullNode();
    if (!["string", "number", "boolean"].includes(typeof value)) throw new Error(`${where}: unsupported const ${JSON.stringify(value)}`);
    const literal = JSON.stringify(value);
    return { expr: call("v.literal", [literal]), type: typeReference("v.LiteralSchema", [literal, "undefined"]) };
  }

  if (schema.enum) {
    const strings = schema.enum.filter((value) => value !== null);
    if (!strings.every((value) => typeof value === "string")) throw new Error(`${where}: only string enums are supported`);
    const literals = [...strings].map((value) => JSON.stringify(value));
    const node = {
      expr: call("openEnum", [arrayLiteral(literals)]),
      type: typeReference("v.GenericSchema", [unionType([...literals, "(string & {})"])]),
    };
    return strings.length < schema.enum.length ? nullable(node) : node;
  }

  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    if (schema.anyOf && schema.oneOf) throw new Error(`${where}: both anyOf and oneOf`);
    const withNull = variants.some(isNullSchema);
    const others = variants.filter((variant) => !isNullSchema(variant)).map((variant, i) => convert(variant, ctx, `${where}.anyOf[${i}]`));
    const inner = others.length === 0 ? nullNode() : others.length === 1 ? others[0] : union(others);
    return withNull && others.length > 0 ? nullable(inner) : inner;
  }

  if (schema.allOf) {
    const parts = schema.allOf.map((part, i) => convert(part, ctx, `${where}.allOf[${i}]`));
    if (parts.length === 1) return parts[0];
    return {
      expr: call("v.intersect", [arrayLiteral(parts.map((part) => part.expr))]),
      type: typeReference("v.IntersectSchema", [tupleType(parts.map((part) => part.type)), "undefined"]),
    };
  }

  if (Array.isArray(schema.type)) {
    // OpenAPI 3.1 allows `type: ["string", "null"]`: read it as an anyOf of the single types.
    const { type, ...rest } = schema;
    return convert({ anyOf: type.map((single) => ({ ...rest, type: single })) }, ctx, where);
  }

  const type = schema.type ?? (schema.properties ? "object" : schema.items ? "array" : undefined);
  switch (type) {
    case undefined:
      return { expr: `${PURE}v.unknown()`, type: "v.UnknownSchema" };
    case "string":
      return { expr: `${PURE}v.string()`, type: "v.StringSchema<undefined>" };
    case "integer":
    case "number":
      return { expr: `${PURE}v.number()`, type: "v.NumberSchema<undefined>" };
    case "boolean":
      return { expr: `${PURE}v.boolean()`, type: "v.BooleanSchema<undefined>" };
    case "null":
      return nullNode();
    case "array": {
      const items =
        schema.items === undefined || schema.items === true ? convert(true, ctx, where) : convert(schema.items, ctx, `${where}[]`);
      return { expr: call("v.array", [items.expr]), type: typeReference("v.ArraySchema", [items.type, "undefined"]) };
    }
    case "object":
      return convertObject(schema, ctx, where);
    default:
      throw new Error(`${where}: unsupported type ${JSON.stringify(type)}`);
  }
}

function convertObject(schema, ctx, where) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    const extra = schema.additionalProperties;
    const value =
      extra === undefined || extra === true || extra === false
        ? convert(true, ctx, where)
        : convert(extra, ctx, `${where}.additionalProperties`);
    return {
      expr: call("v.record", [`${PURE}v.string()`, value.expr]),
      type: typeReference("v.RecordSchema", ["v.StringSchema<undefined>", value.type, "undefined"]),
    };
  }
  const required = new Set(schema.required ?? []);
  for (const key of required) {
    if (!schema.properties[key]) ctx.warn(`${where}: required key "${key}" has no property schema; it is required and unknown`);
  }
  const keys = [...properties.map(([key]) => key), ...[...required].filter((key) => !schema.properties[key])];
  const entries = keys.map((key) => {
    const node = convert(schema.properties[key] ?? true, ctx, `${where}.${key}`);
    return [key, required.has(key) ? node : optional(node)];
  });
  return {
    expr: call("v.looseObject", [objectLiteral(entries.map(([key, node]) => [key, node.expr]))]),
    type: typeReference("v.LooseObjectSchema", [typeLiteral(entries.map(([key, node]) => [key, node.type])), "undefined"]),
  };
}

function nullNode() {
  return { expr: `${PURE}v.null()`, type: "v.NullSchema<undefined>" };
}

function nullable(node) {
  return { expr: call("v.nullable", [node.expr]), type: typeReference("v.NullableSchema", [node.type, "undefined"]) };
}

function optional(node) {
  return { expr: call("v.optional", [node.expr]), type: typeReference("v.OptionalSchema", [node.type, "undefined"]) };
}

function union(nodes) {
  return {
    expr: call("v.union", [arrayLiteral(nodes.map((node) => node.expr))]),
    type: typeReference("v.UnionSchema", [tupleType(nodes.map((node) => node.type)), "undefined"]),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Generation

function generate(doc, text, options) {
  if (!String(doc.openapi).startsWith("3.1")) throw new Error(`expected an OpenAPI 3.1 document, got ${doc.openapi}`);
  const components = doc.components?.schemas ?? {};
  const { names, collisions } = assignNames(Object.keys(components));
  const warnings = [];
  const warn = (message) => warnings.includes(message) || warnings.push(message);
  const operations = listOperations(doc);

  // Roots: the success bodies and the error bodies; then every component they reach.
  const roots = new Set();
  for (const operation of operations) {
    if (operation.schema) collectRefs(operation.schema, roots);
    for (const error of operation.errors) if (error.schema) collectRefs(error.schema, roots);
  }
  const reachable = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const raw = queue.shift();
    if (reachable.has(raw)) continue;
    if (!components[raw]) throw new Error(`$ref to a missing component: ${raw}`);
    reachable.add(raw);
    queue.push(...collectRefs(components[raw], new Set()));
  }
  const byName = (a, b) => (names.get(a) < names.get(b) ? -1 : names.get(a) > names.get(b) ? 1 : 0);
  const dependencies = new Map([...reachable].map((raw) => [raw, [...collectRefs(components[raw], new Set())].sort(byName)]));

  // Dependency order: depth-first post-order from the roots, everything visited by name. An edge back to a
  // schema still on the stack is a cycle: it becomes a `v.lazy` typed as a generic schema.
  const order = [];
  const state = new Map();
  const lazyEdges = new Set();
  const visit = (raw, trail) => {
    if (state.get(raw) === "done") return;
    if (state.get(raw) === "active") {
      lazyEdges.add(`${trail.at(-1)}->${raw}`);
      warn(
        `cycle: ${[...trail.slice(trail.indexOf(raw)), raw].map((r) => names.get(r)).join(" -> ")} (emitted with v.lazy, typed unknown)`,
      );
      return;
    }
    state.set(raw, "active");
    for (const dependency of dependencies.get(raw)) visit(dependency, [...trail, raw]);
    state.set(raw, "done");
    order.push(raw);
  };
  for (const raw of [...reachable].sort(byName)) visit(raw, []);

  const contextFor = (from) => ({
    warn,
    reference(raw) {
      const name = names.get(raw);
      if (!name) throw new Error(`$ref to a missing component: ${raw}`);
      if (from && lazyEdges.has(`${from}->${raw}`)) {
        return { expr: `${PURE}v.lazy((): v.GenericSchema => ${name})`, type: "v.LazySchema<v.GenericSchema>" };
      }
      return { expr: name, type: `typeof ${name}` };
    },
  });

  // Where each schema is used, for its doc comment.
  const usedBy = new Map();
  for (const raw of order) for (const dependency of dependencies.get(raw)) usedBy.set(dependency, [...(usedBy.get(dependency) ?? []), raw]);
  const returnedBy = new Map();
  const errorOf = new Map();
  for (const operation of operations) {
    if (operation.schema)
      for (const raw of collectRefs(operation.schema, new Set())) returnedBy.set(raw, [...(returnedBy.get(raw) ?? []), operation]);
    for (const error of operation.errors) {
      if (!error.schema) continue;
      for (const raw of collectRefs(error.schema, new Set())) {
        const statuses = errorOf.get(raw) ?? new Map();
        statuses.set(error.status, (statuses.get(error.status) ?? 0) + 1);
        errorOf.set(raw, statuses);
      }
    }
  }

  const hash = createHash("sha256").update(text).digest("hex");
  const parts = [];
  parts.push(
    [
      `// Response schemas of the Airbyte Agent API, read from its official OpenAPI document "${doc.info?.title}" ${doc.info?.version}`,
      `// (OpenAPI ${doc.openapi}): ${SOURCE.repository}, file ${SOURCE.path}, commit ${SOURCE.commit}.`,
      `// Derived from that document under the ${SOURCE.license}; see NOTICE in this package (the rest of the package is MIT).`,
      "// Input sha256:",
      `//   ${hash}`,
      "//",
      "// Generated by scripts/build-schemas.mjs, do not edit: change the script and run `pnpm --filter @airbyte-agents/core schemas`.",
      "// biome-ignore-all format: generated code; reformatting it would break the byte-for-byte regeneration test",
      "",
      'import * as v from "valibot";',
      OPEN_ENUM_IMPORT,
      "",
    ].join("\n"),
  );

  for (const raw of order) {
    const name = names.get(raw);
    const schema = components[raw];
    const node = convert(schema, contextFor(raw), raw);
    const lines = [];
    const description = typeof schema.description === "string" ? schema.description.trim() : "";
    // A description is prose from the document: keep an `@word` in it from reading as a TSDoc tag.
    const prose = description.replace(/(^|\s)@(?=\w)/g, "$1\\@");
    lines.push(...(prose ? prose.split("\n") : [`The \`${raw}\` schema of the OpenAPI document.`]));
    const notes = [];
    if (description || raw !== name) notes.push(`OpenAPI component: \`${raw}\`.`);
    const returned = returnedBy.get(raw) ?? [];
    if (returned.length > 0) notes.push(`Returned by ${listing(returned.map((op) => `\`${op.key}\` (${op.status})`))}.`);
    const errors = errorOf.get(raw);
    if (errors) {
      const everywhere = [...errors.values()].every((count) => count === operations.length);
      notes.push(`The error body of ${everywhere ? "every operation" : "some operations"} (${[...errors.keys()].sort().join(", ")}).`);
    }
    const parents = usedBy.get(raw) ?? [];
    if (parents.length > 0) notes.push(`Used in ${listing(parents.map((parent) => `{@link ${names.get(parent)}}`))}.`);
    if (notes.length > 0) lines.push("", ...notes);
    lines.push("", "@example", "```ts", `const result = v.safeParse(${name}, await response.json());`, "```");
    parts.push(docComment(lines));
    parts.push(declaration(name, node, options));
    parts.push(`/** The parsed value of the {@link ${name}} schema. */\nexport type ${name} = v.InferOutput<typeof ${name}>;\n`);
  }

  // The operations map.
  const entries = operations.map((operation) => {
    const node = operation.schema ? convert(operation.schema, contextFor(null), operation.key) : { expr: "null", type: "null" };
    return { key: operation.key, status: String(operation.status), node };
  });
  parts.push(
    docComment([
      "Each operation of the OpenAPI document, by `METHOD path`: the schema of its success response body",
      "(`null` when that response has no body) and its status. Importing it keeps every schema in a bundle;",
      "resources import the schema they need instead.",
      "",
      "@example",
      "```ts",
      'const { response, status } = operations["GET /api/v1/workspaces"];',
      "```",
    ]),
  );
  // Inline schemas are pure calls (see PURE), so a bundle that never reads `operations` drops the whole map, and
  // with it every route string (the browser entry must hold none of the token routes).
  const value = objectLiteral(
    entries.map(({ key, status, node }) => [
      key,
      objectLiteral(
        [
          ["response", node.expr],
          ["status", status],
        ],
        false,
      ),
    ]),
  );
  const type = typeLiteral(
    entries.map(({ key, status, node }) => [
      key,
      typeLiteral(
        [
          ["response", node.type],
          ["status", status],
        ],
        { expand: false, readonly: true },
      ),
    ]),
    { readonly: true },
  );
  const statement = options.annotations
    ? ["export const operations: ", type, " = ", value, " as const;"]
    : ["export const operations = ", value, " as const;"];
  parts.push(`${render(statement)}\n`);

  let code = parts.join("\n");
  code = code.replace(`${OPEN_ENUM_IMPORT}\n`, code.includes("openEnum([") ? `${OPEN_ENUM_IMPORT}\n` : "");
  return {
    code,
    schemaCount: order.length,
    operationCount: operations.length,
    collisions,
    warnings,
  };
}

function listing(items) {
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A TSDoc block; long lines wrap at word boundaries so that the comment stays within the line width. */
function docComment(lines) {
  lines = lines.flatMap((text) => wrap(text, WIDTH - 3));
  const body = lines.map((text) => {
    const escaped = text.replace(/\*\//g, "*\\/").trimEnd();
    return escaped ? ` * ${escaped}` : " *";
  });
  return `/**\n${body.join("\n")}\n */`;
}

function wrap(text, width) {
  if (text.length <= width || text.startsWith("```")) return [text];
  const out = [];
  let current = "";
  // `{@link Name}` stays on one line.
  for (const word of text.split(/(?<!\{@link) /)) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

function declaration(name, node, options) {
  const doc = options.annotations
    ? ["export const ", name, ": ", node.type, " = ", node.expr, ";"]
    : ["export const ", name, " = ", node.expr, ";"];
  return `${render(doc)}\n`;
}

// ---------------------------------------------------------------------------------------------------------

function main() {
  const options = parseArgs(process.argv.slice(2));
  const input = referencePath(process.env);
  const text = readFileSync(input, "utf8");
  const result = generate(JSON.parse(text), text, options);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, result.code);
  for (const collision of result.collisions) {
    console.warn(`name collision: ${collision.components.join(", ")} -> ${collision.name}; renamed ${collision.renamed.join(", ")}`);
  }
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  console.log(`${options.out}: ${result.schemaCount} schemas, ${result.operationCount} operations (from ${input})`);
}

try {
  main();
} catch (error) {
  console.error(`build-schemas: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
