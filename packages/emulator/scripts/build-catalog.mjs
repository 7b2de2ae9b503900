#!/usr/bin/env node
// Builds the emulator's connector catalog and API schema bundle from the reference data.
//
//   node scripts/build-catalog.mjs [--out <dir>]
//
// Inputs  (AIRBYTE_REFERENCE_DIR, default <repoRoot>/reference):
//   connector-specs/*.yaml           51 connector specs (OpenAPI 3.1 + x-airbyte-*)
//   openapi/airbyte-agent-api.json   the Airbyte Agent API OpenAPI document
// Outputs (--out or CATALOG_OUT_DIR, default src/catalog/generated):
//   connectors/<name>.json + connectors/index.ts, api-schemas.json
//
// The outputs are derived from material under the Elastic License 2.0; see ../NOTICE.
// Output is deterministic: same inputs -> byte-identical files.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgRoot = path.resolve(here, "..");
const repoRoot = path.resolve(pkgRoot, "..", "..");

const CONNECTORS_SOURCE = "airbytehq/airbyte-agent-sdk airbyte_agent_sdk/specs @ 5a6d83b (Elastic License 2.0)";
const API_SOURCE = "airbytehq/airbyte-cli api/app_public.json @ 112c6df (Elastic License 2.0)";

const RECORD_REF_DEPTH = 4;
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// ---------------------------------------------------------------------------
// CLI / env
// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out" || a === "-o") out.outDir = argv[++i];
    else if (a.startsWith("--out=")) out.outDir = a.slice("--out=".length);
    else if (a === "--reference") out.refDir = argv[++i];
    else if (a.startsWith("--reference=")) out.refDir = a.slice("--reference=".length);
    else if (a === "--quiet" || a === "-q") out.quiet = true;
    else if (a === "--help" || a === "-h") out.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Generic helpers
// ---------------------------------------------------------------------------

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function firstParagraph(text) {
  if (typeof text !== "string") return "";
  const para = text.trim().split(/\n\s*\n/)[0] ?? "";
  return para.replace(/\s+/g, " ").trim();
}

// Warnings collected during a run (printed, and handy for reporting spec quirks).
const warnings = [];
const warn = (msg) => warnings.push(msg);

// ---------------------------------------------------------------------------
// $ref resolution and schema normalisation (connector specs)
// ---------------------------------------------------------------------------

function makeResolver(doc) {
  return function resolveRef(ref) {
    if (typeof ref !== "string" || !ref.startsWith("#/")) return undefined;
    let cur = doc;
    for (const raw of ref.slice(2).split("/")) {
      const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isObj(cur) && !Array.isArray(cur)) return undefined;
      cur = cur[seg];
      if (cur === undefined) return undefined;
    }
    return cur;
  };
}

const isNullSchema = (s) => isObj(s) && (s.type === "null" || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null"));

/**
 * Resolve the *shape* of a schema node: follow $refs, merge allOf, pick the first non-null
 * branch of anyOf/oneOf. Returns { schema, nullable, refs } where refs is the number of
 * $refs followed (used for depth accounting), or schema=null if it cannot be resolved.
 */
function normalize(node, resolveRef, seen = new Set(), guard = 0) {
  let nullable = false;
  let refs = 0;
  let cur = node;
  for (let i = 0; i < 32 && isObj(cur); i++) {
    if (typeof cur.$ref === "string") {
      if (seen.has(cur.$ref)) return { schema: null, nullable, refs, cycle: true };
      const target = resolveRef(cur.$ref);
      if (target === undefined) {
        warn(`unresolvable $ref ${cur.$ref}`);
        return { schema: null, nullable, refs };
      }
      seen = new Set(seen).add(cur.$ref);
      refs++;
      // siblings of $ref (3.1 allows them) are merged over the target
      const { $ref, ...siblings } = cur;
      cur = Object.keys(siblings).length ? mergeSchemas([target, siblings], resolveRef, seen, guard) : target;
      continue;
    }
    const branches = Array.isArray(cur.anyOf) ? cur.anyOf : Array.isArray(cur.oneOf) ? cur.oneOf : null;
    if (branches) {
      const nonNull = branches.filter((b) => !isNullSchema(b));
      if (nonNull.length < branches.length) nullable = true;
      const { anyOf, oneOf, ...rest } = cur;
      const pick = nonNull[0] ?? { type: "null" };
      cur = Object.keys(rest).length ? mergeSchemas([rest, pick], resolveRef, seen, guard) : pick;
      continue;
    }
    if (Array.isArray(cur.allOf)) {
      const { allOf, ...rest } = cur;
      cur = mergeSchemas([rest, ...allOf], resolveRef, seen, guard);
      continue;
    }
    break;
  }
  if (isObj(cur) && cur.nullable === true) nullable = true;
  return { schema: isObj(cur) ? cur : null, nullable, refs, seen };
}

/** Shallow-merge a list of schemas (allOf semantics, good enough for records). */
function mergeSchemas(list, resolveRef, seen, guard) {
  const out = {};
  for (const part of list) {
    if (!isObj(part)) continue;
    const { schema: s } = guard > 8 ? { schema: part } : normalize(part, resolveRef, seen, guard + 1);
    if (!s) continue;
    for (const [k, v] of Object.entries(s)) {
      if (k === "properties" && isObj(v)) out.properties = { ...(out.properties ?? {}), ...v };
      else if (k === "required" && Array.isArray(v)) out.required = [...new Set([...(out.required ?? []), ...v])];
      else if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

function withNull(type, nullable) {
  if (!nullable) return type;
  if (type === undefined) return undefined;
  const arr = Array.isArray(type) ? [...type] : [type];
  if (!arr.includes("null")) arr.push("null");
  return arr;
}

/** Where inlining stops: an object that still says what it requires, so nothing generated for it claims to be one. */
function truncated(node, resolveRef) {
  const { schema } = normalize(node, resolveRef);
  if (!schema || !Array.isArray(schema.required) || !schema.required.length) return { type: "object" };
  return { type: "object", required: [...schema.required] };
}

/** `oneOf: [{type: string}, {type: integer}]` (Amazon's portfolioId) is both types, not the first one. */
function primitiveUnion(node, resolveRef) {
  const branches = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : null;
  if (!branches || branches.length < 2) return null;
  const types = [];
  for (const b of branches) {
    const { schema } = normalize(b, resolveRef);
    const keys = schema ? Object.keys(schema).filter((k) => k !== "description" && k !== "title" && k !== "format") : [];
    if (!schema || keys.length !== 1 || keys[0] !== "type") return null;
    for (const t of [schema.type].flat())
      if (["string", "integer", "number", "boolean", "null"].includes(t) && !types.includes(t)) types.push(t);
  }
  // integer first: a generated id is then a number, which satisfies exactly one branch
  types.sort((a, b) => (a === "integer" ? -1 : b === "integer" ? 1 : 0));
  return types.length ? { type: types } : null;
}

/**
 * Compact JSON Schema of a record: keep only type, properties, items, enum, format, required
 * (nullability folded into the type). $refs are inlined up to `maxRefs` deep, then {"type":"object"}.
 */
function compactRecord(node, resolveRef, maxRefs, refsUsed = 0, seen = new Set(), bounds = false) {
  if (node === true || node === undefined || node === null) return { type: "object" };
  if (!isObj(node)) return { type: "object" };
  if (typeof node.$ref === "string" && (refsUsed >= maxRefs || seen.has(node.$ref))) {
    return truncated(node, resolveRef);
  }
  const union = primitiveUnion(node, resolveRef);
  if (union) return union;
  const { schema, nullable, refs, seen: nextSeen } = normalize(node, resolveRef, seen);
  if (!schema) return { type: "object" };
  const depth = refsUsed + refs;
  if (depth > maxRefs) return { type: "object" };

  const out = {};
  let type = schema.type;
  if (type === undefined) {
    if (isObj(schema.properties)) type = "object";
    else if (schema.items !== undefined) type = "array";
  }
  type = withNull(type, nullable);
  if (type !== undefined) out.type = type;
  if (typeof schema.format === "string") out.format = schema.format;
  if (Array.isArray(schema.enum)) out.enum = schema.enum;
  else if (schema.const !== undefined) out.enum = [schema.const];
  // An enum without null admits no null, whatever the type says (Stripe's billing_reason: [string, "null"]).
  if (out.enum && !out.enum.includes(null) && Array.isArray(out.type) && out.type.includes("null")) {
    out.type = out.type.filter((t) => t !== "null");
    if (out.type.length === 1) out.type = out.type[0];
  }
  if (isObj(schema.properties)) {
    const props = {};
    for (const [k, v] of Object.entries(schema.properties)) {
      props[k] = compactRecord(v, resolveRef, maxRefs, depth, nextSeen, bounds);
    }
    out.properties = props;
  }
  if (Array.isArray(schema.required) && schema.required.length) out.required = [...schema.required];
  if (schema.items !== undefined && !Array.isArray(schema.items)) {
    out.items = compactRecord(schema.items, resolveRef, maxRefs, depth, nextSeen, bounds);
  }
  // Request bodies only (record schemas would only grow): the bounds the emulator checks a value against.
  if (bounds) Object.assign(out, boundsOf(schema));
  if (Object.keys(out).length === 0) return { type: "object" };
  return out;
}

// ---------------------------------------------------------------------------
// Record extractor (JSONPath subset) applied to a response *schema*
// ---------------------------------------------------------------------------

/** Parse "$.data.user.repositories.nodes", "$.ads[*].ad", "$[*][*]", "$" into steps. */
function parseJsonPath(p) {
  if (typeof p !== "string") return null;
  const s = p.trim();
  if (!s.startsWith("$")) return null;
  const steps = [];
  const re = /\.([A-Za-z0-9_@$-]+)|\[(\*|\d+)\]|\[['"]([^'"]+)['"]\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return null;
    if (m[1] !== undefined) steps.push({ prop: m[1] });
    else if (m[3] !== undefined) steps.push({ prop: m[3] });
    else steps.push({ index: m[2] });
  }
  return steps;
}

/** Walk the schema along the path. Returns the located schema node (unresolved) or undefined. */
function locate(schema, steps, resolveRef) {
  let cur = schema;
  for (const step of steps) {
    const { schema: s } = normalize(cur, resolveRef);
    if (!s) return undefined;
    if (step.prop !== undefined) {
      const next = isObj(s.properties) ? s.properties[step.prop] : undefined;
      if (next !== undefined) cur = next;
      else if (s.items !== undefined) {
        // path steps through an array without [*]: be lenient and map over items
        const { schema: it } = normalize(s.items, resolveRef);
        const viaItems = it && isObj(it.properties) ? it.properties[step.prop] : undefined;
        if (viaItems === undefined) return undefined;
        cur = viaItems;
      } else return undefined;
    } else if (s.items !== undefined) {
      cur = s.items;
    } else if (step.index === "*" && isObj(s.properties) && Object.keys(s.properties).length) {
      // [*] over an object: its values (e.g. zendesk-chat bans: {ip_address: [Ban], visitor: [Ban]})
      cur = Object.values(s.properties)[0];
    } else if (step.index === "*" && isObj(s.additionalProperties)) {
      cur = s.additionalProperties;
    } else {
      return undefined;
    }
  }
  return cur;
}

function pickContent(content, preferJson = true) {
  if (!isObj(content)) return null;
  const keys = Object.keys(content);
  if (!keys.length) return null;
  if (preferJson) {
    const json = keys.find((k) => k === "application/json") ?? keys.find((k) => /json/i.test(k));
    if (json) return { type: json, media: content[json] };
  }
  return { type: keys[0], media: content[keys[0]] };
}

function successResponse(responses) {
  if (!isObj(responses)) return null;
  if (responses["200"]) return responses["200"];
  const codes = Object.keys(responses)
    .filter((c) => /^2\d\d$/.test(c))
    .sort(byString);
  return codes.length ? responses[codes[0]] : null;
}

function recordSchema(op, resolveRef, where) {
  const resp = successResponse(op.responses);
  const picked = pickContent(resp?.content);
  const schema = picked?.media?.schema;
  if (!schema) return { type: "object" };
  let target = schema;
  const extractor = op["x-airbyte-record-extractor"];
  if (typeof extractor === "string") {
    const steps = parseJsonPath(extractor);
    if (!steps) {
      warn(`${where}: unparseable record extractor ${JSON.stringify(extractor)}`);
      return { type: "object" };
    }
    const found = locate(schema, steps, resolveRef);
    if (found === undefined) {
      // e.g. the spec documents the unwrapped record as the 200 schema: use it as is
      warn(`${where}: record extractor ${extractor} not found in the response schema; using the whole 200 schema`);
    } else {
      target = found;
    }
  }
  const { schema: t } = normalize(target, resolveRef);
  const isArray =
    t && (t.type === "array" || (Array.isArray(t.type) && t.type.includes("array")) || (t.type === undefined && t.items !== undefined));
  if (isArray) target = t.items ?? { type: "object" };
  return compactRecord(target, resolveRef, RECORD_REF_DEPTH);
}

/** The compact schema of what the record extractor yields from the 200 response (the whole body without one). */
function extractedSchema(op, resolveRef, action) {
  const resp = successResponse(op.responses);
  const schema = pickContent(resp?.content)?.media?.schema;
  if (!schema) return { type: "object" };
  const extractor = op["x-airbyte-record-extractor"];
  let target = schema;
  let many = false;
  if (typeof extractor === "string") {
    const steps = parseJsonPath(extractor);
    const found = steps ? locate(schema, steps, resolveRef) : undefined;
    if (found !== undefined) {
      target = found;
      // A wildcard (`$.campaigns[*].campaign`) makes the extracted value a list of what the path reaches.
      many = steps.some((step) => step.index === "*");
    }
  }
  const compact = compactRecord(target, resolveRef, RECORD_REF_DEPTH);
  // A single-record action answers the one value its wildcard path reaches (Snapchat's `$.campaigns[*].campaign`).
  if (!many || (action !== "list" && action !== "api_search")) return compact;
  return typesOf(compact).includes("array") ? compact : { type: "array", items: compact };
}

/**
 * Each `x-airbyte-meta-extractor` key with its role (cursor, hasMore...) and the schema of the value it points
 * at, so the emulator answers every documented key (row_count, response_aggregation_type...) with the right type.
 */
function metaOf(op, resolveRef) {
  const me = op["x-airbyte-meta-extractor"];
  if (!isObj(me) || !Object.keys(me).length) return null;
  const resp = successResponse(op.responses);
  const root = pickContent(resp?.content)?.media?.schema;
  const out = {};
  for (const [key, where] of Object.entries(me)) {
    const steps = parseJsonPath(where);
    const found = root && steps ? locate(root, steps, resolveRef) : undefined;
    out[key] = { role: classifyMetaKey(key), schema: found === undefined ? {} : compactRecord(found, resolveRef, 1) };
  }
  return out;
}

const ENTITY_SCHEMA_FALLBACK_ACTIONS = new Set(["list", "get", "api_search", "create", "update"]);
const isBareObject = (r) => isObj(r) && Object.keys(r).length === 1 && r.type === "object";

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

/** Formats the emulator checks: unambiguous, and cheap to test. */
const CHECKED_FORMATS = new Set(["date-time", "date", "email", "uri"]);

/**
 * A schema's bounds as the emulator checks them: minimum, maximum, exclusive bounds as numbers (OpenAPI 3.0's
 * boolean form folded into them), string lengths, a pattern, and a checked format.
 */
function boundsOf(s) {
  const out = {};
  if (typeof s.minimum === "number") {
    if (s.exclusiveMinimum === true) out.exclusiveMinimum = s.minimum;
    else out.minimum = s.minimum;
  }
  if (typeof s.maximum === "number") {
    if (s.exclusiveMaximum === true) out.exclusiveMaximum = s.maximum;
    else out.maximum = s.maximum;
  }
  if (typeof s.exclusiveMinimum === "number") out.exclusiveMinimum = s.exclusiveMinimum;
  if (typeof s.exclusiveMaximum === "number") out.exclusiveMaximum = s.exclusiveMaximum;
  if (Number.isInteger(s.minLength) && s.minLength > 0) out.minLength = s.minLength;
  if (Number.isInteger(s.maxLength)) out.maxLength = s.maxLength;
  if (typeof s.pattern === "string") out.pattern = s.pattern;
  if (CHECKED_FORMATS.has(s.format)) out.format = s.format;
  return out;
}

function paramEntry(name, location, required, rawSchema, resolveRef, description) {
  const { schema: s, nullable } = normalize(rawSchema ?? {}, resolveRef);
  const e = { name, in: location, required: !!required };
  // not serialised: used to tell date filters named `after`/`since` from cursors
  const hint = [description, s?.description, s?.format].filter((x) => typeof x === "string").join(" ");
  Object.defineProperty(e, "hint", { value: hint, enumerable: false, writable: true });
  let type = s?.type;
  if (type === undefined && s) {
    if (isObj(s.properties)) type = "object";
    else if (s.items !== undefined) type = "array";
  }
  if (type !== undefined) e.type = withNull(type, nullable);
  if (s) {
    if (Array.isArray(s.enum)) e.enum = s.enum;
    else if (s.const !== undefined) e.enum = [s.const];
    if (s.default !== undefined) e.default = s.default;
    Object.assign(e, boundsOf(s));
    // Objects and arrays keep their compact schema, so nested required fields, types, enums and bounds are checked.
    const t = [e.type ?? []].flat();
    if (t.includes("object") || t.includes("array")) {
      const compact = compactRecord(rawSchema ?? {}, resolveRef, RECORD_REF_DEPTH, 0, new Set(), true);
      if (compact.properties || compact.items) e.schema = compact;
    }
  }
  return e;
}

/** Headers the auth config fills itself (`additional_headers`, Amazon's Amazon-Advertising-API-ClientId). */
function authHeaders(doc) {
  const names = new Set();
  for (const scheme of Object.values(doc.components?.securitySchemes ?? {})) {
    const cfg = isObj(scheme) ? scheme["x-airbyte-auth-config"] : undefined;
    if (!isObj(cfg)) continue;
    for (const v of [cfg, ...(Array.isArray(cfg.oneOf) ? cfg.oneOf : [])]) {
      if (isObj(v?.additional_headers)) for (const name of Object.keys(v.additional_headers)) names.add(name.toLowerCase());
    }
  }
  return names;
}

function operationParams(op, pathItem, resolveRef, where, filledHeaders = new Set()) {
  const params = [];
  const seen = new Set();
  const all = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])];
  // operation-level parameters override path-level ones with the same name+in
  const effective = new Map();
  for (const raw of all) {
    const p = isObj(raw) && raw.$ref ? resolveRef(raw.$ref) : raw;
    if (!isObj(p) || typeof p.name !== "string") continue;
    effective.set(`${p.in}:${p.name}`, p);
  }
  for (const p of effective.values()) {
    if (p.in !== "query" && p.in !== "path" && p.in !== "header") continue;
    const key = `${p.in}:${p.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A header with a default (Linear's x-apollo-operation-name) is filled by the connector, not the caller.
    // So is one the auth config adds to every request (additional_headers).
    const required =
      p.in === "path"
        ? true
        : p.in === "header"
          ? p.required && p.schema?.default === undefined && !filledHeaders.has(p.name.toLowerCase())
          : p.required;
    params.push(paramEntry(p.name, p.in, required, p.schema, resolveRef, p.description));
  }

  const rb = isObj(op.requestBody) && op.requestBody.$ref ? resolveRef(op.requestBody.$ref) : op.requestBody;
  if (isObj(rb)) {
    const bodyType = rb["x-airbyte-body-type"];
    const graphql = isObj(bodyType) && bodyType.type === "graphql";
    {
      // GraphQL bodies are built from the variables; their request body schema (Linear's IssueCreateParams)
      // still types them, so its properties are body params like any other.
      const picked = pickContent(rb.content);
      if (picked?.media?.schema) {
        if (!graphql && !/json|x-www-form-urlencoded/i.test(picked.type)) {
          warn(`${where}: request body ${picked.type} treated like JSON`);
        }
        const { schema: bs } = normalize(picked.media.schema, resolveRef);
        if (bs && isObj(bs.properties)) {
          const req = new Set(Array.isArray(bs.required) ? bs.required : []);
          for (const [name, ps] of Object.entries(bs.properties)) {
            const key = `body:${name}`;
            if (seen.has(key) || (graphql && (seen.has(`query:${name}`) || seen.has(`path:${name}`)))) continue;
            seen.add(key);
            params.push(paramEntry(name, "body", req.has(name), ps, resolveRef, isObj(ps) ? ps.description : undefined));
          }
        }
      }
    }
  }
  return params;
}

// ---------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------

const META_CLASSES = [
  ["hasMore", ["has_next_page", "hasnextpage", "has_more", "hasmore", "more", "more_records", "moredataavailable"]],
  ["done", ["done", "is_last", "islast", "last", "last_page", "lastpage"]],
  [
    "cursor",
    [
      "end_cursor",
      "endcursor",
      "next_cursor",
      "nextcursor",
      "nextpagetoken",
      "next_page_token",
      "next_token",
      "nexttoken",
      "next",
      "next_page",
      "nextpage",
      "next_link",
      "nextlink",
      "next_page_url",
      "next_page_uri",
      "nextrecordsurl",
      "next_offset",
      "nextoffset",
      "offset",
      "cursor",
      "after",
      "next_id",
      "bookmark",
      "starting_after",
      "page_token",
      "pagetoken",
    ],
  ],
  [
    "total",
    [
      "total_count",
      "totalcount",
      "count",
      "total",
      "total_items",
      "totalitems",
      "total_records",
      "totalrecords",
      "total_results",
      "totalresults",
      "row_count",
      "rowcount",
      "number_of_results",
      "resultsizeestimate",
      "contact_count",
    ],
  ],
];

function classifyMetaKey(key) {
  const k = key.toLowerCase();
  for (const [cls, names] of META_CLASSES) if (names.includes(k)) return cls;
  return "other";
}

// Request params that carry the cursor / page size, in order of preference.
const CURSOR_PARAMS = [
  "after",
  "cursor",
  "starting_after",
  "page_token",
  "pageToken",
  "next_page_token",
  "nextPageToken",
  "nextToken",
  "NextToken",
  "next_token",
  "page[cursor]",
  "pageCursor",
  "start_cursor",
  "startCursor",
  "bookmark",
  "continuation",
  "since_id",
  "start_id",
  "offset",
  "startAt",
  "start",
  "page",
  "page[number]",
];
const LIMIT_PARAMS = [
  "limit",
  "per_page",
  "perPage",
  "page_size",
  "pageSize",
  "PageSize",
  "page[size]",
  "max_results",
  "maxResults",
  "MaxResultsPerPage",
  "count",
  "first",
  "size",
  "rowLimit",
  "top",
  "$top",
];

// A parameter described as a date/time bound is a filter, not a cursor (WooCommerce `after`).
const looksLikeDateFilter = (p) =>
  /\b(date|date-time|datetime|timestamp|iso ?8601)\b/i.test(p.hint ?? "") && !/cursor|token|page/i.test(p.hint ?? "");

function pickParam(params, candidates, { skipDates = false } = {}) {
  const names = new Map();
  for (const p of params) {
    if (p.in !== "query" && p.in !== "body") continue;
    if (skipDates && looksLikeDateFilter(p)) continue;
    if (!names.has(p.name)) names.set(p.name, p);
  }
  for (const c of candidates) if (names.has(c)) return c;
  const lower = new Map([...names.keys()].map((n) => [n.toLowerCase(), n]));
  for (const c of candidates) if (lower.has(c.toLowerCase())) return lower.get(c.toLowerCase());
  return null;
}

function pagination(op, params) {
  if (op["x-airbyte-no-pagination"] !== undefined && op["x-airbyte-no-pagination"] !== false) return null;
  const me = op["x-airbyte-meta-extractor"];
  if (!isObj(me) || !Object.keys(me).length) return null;
  const meta = {};
  for (const k of Object.keys(me)) meta[k] = classifyMetaKey(k);
  return {
    meta,
    cursorParam: pickParam(params, CURSOR_PARAMS, { skipDates: true }),
    limitParam: pickParam(params, LIMIT_PARAMS),
  };
}

// ---------------------------------------------------------------------------
// Identity and response shapes
// ---------------------------------------------------------------------------

const typesOf = (schema) => [schema?.type ?? (isObj(schema?.properties) ? "object" : schema?.items ? "array" : [])].flat();
const propNames = (schema) => (isObj(schema?.properties) ? Object.keys(schema.properties) : []);
const ID_NAMES = ["id", "gid", "sid", "uuid", "key"];
const ID_LIKE = /(^|_|[a-z])(id|gid|sid|uuid|key|number|slug|Id|Gid|Sid|Uuid|Key|Number|Slug|ID|IdOrKey)$/;
// Parameters that name a record without looking like ids (Slack's `ts`, GitHub's `username`).
const NAME_LIKE = /^(ts|slug|key|name|tag|path|username|login|email|handle)$/i;

function singularOf(name) {
  return name
    .replace(/ies$/, "y")
    .replace(/(ss|x|ch|sh)es$/, "$1")
    .replace(/s$/, "");
}

/**
 * The parameter that names the record an action works on, or null: the last parameter of a REST path
 * (`/lists/{list_id}/members/{subscriber_hash}`), else an id-like one (`task_gid`; GitHub's `repo` beside `owner`).
 */
function keyParamOf(entity, action, params, pathTemplate = "") {
  if (action === "list" || action === "api_search" || action === "create") return null;
  const candidates = params.filter((p) => p.in !== "header" && (p.required || p.in === "path"));
  if (!candidates.length) return null;
  const inPath = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const last = inPath.length ? candidates.find((p) => p.in === "path" && p.name === inPath[inPath.length - 1]) : undefined;
  if (last) return last.name;
  const one = singularOf(entity)
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase();
  const norm = (n) => n.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  const byName = candidates.find((p) => ID_NAMES.includes(p.name.toLowerCase()));
  if (byName) return byName.name;
  const own = candidates.find((p) =>
    ["id", "gid", "sid", "key", "number", "uuid", "idorkey", "slug"].some((s) => norm(p.name) === one + s),
  );
  if (own) return own.name;
  const exact = candidates.find((p) => norm(p.name) === one);
  if (exact) return exact.name;
  const rev = [...candidates].reverse();
  return (
    rev.find((p) => p.in === "path" && ID_LIKE.test(p.name)) ??
    rev.find((p) => ID_LIKE.test(p.name)) ??
    rev.find((p) => p.in === "path") ??
    rev.find((p) => NAME_LIKE.test(p.name)) ??
    rev.find((p) => p.in === "query") ??
    rev[0]
  ).name;
}

/** The record field a key parameter names, with its type: the spec's own (`gid`, `sid`, integer `portfolioId`). */
function keyFieldOf(record, keyParam) {
  const props = propNames(record);
  const lower = new Map(props.map((n) => [n.toLowerCase(), n]));
  const pick = (...names) => {
    for (const n of names) if (lower.has(n.toLowerCase())) return lower.get(n.toLowerCase());
    return undefined;
  };
  let field;
  if (keyParam) {
    const suffix = /(gid|sid|uuid|key|number|slug|id)(orkey)?$/i.exec(keyParam)?.[1];
    field =
      pick(keyParam) ??
      (suffix ? pick(suffix) : undefined) ??
      (/^(username|login|handle)$/i.test(keyParam) ? pick("login", "username", "handle", "name") : undefined) ??
      (/^(repo|repository|slug|name)$/i.test(keyParam) ? pick("name", "slug") : undefined) ??
      pick(...ID_NAMES) ??
      keyParam;
  } else {
    field = pick(...ID_NAMES);
  }
  if (!field) return null;
  const schema = record?.properties?.[field];
  const types = typesOf(schema);
  const key = { field, type: types.includes("integer") || types.includes("number") ? "integer" : "string" };
  if (schema?.format === "uuid") key.format = "uuid";
  return key;
}

/**
 * The record field a list's cursor parameter takes, where the record has no `id` and the meta no next cursor: the
 * record property its description names as a whole word (Typeform's `after`, "returns responses after this token":
 * `token`). Null otherwise (a meta cursor, an integer offset or page, or an id).
 */
function cursorFieldOf(record, cursorParam, params, meta) {
  if (!cursorParam || (meta && Object.values(meta).some((m) => m.role === "cursor"))) return null;
  const param = params.find((p) => p.name === cursorParam && (p.in === "query" || p.in === "body"));
  const types = [param?.type ?? []].flat();
  if (!param || types.includes("integer") || types.includes("number")) return null;
  const names = propNames(record);
  if (names.length === 0 || names.includes("id")) return null;
  const words = new Set((param.hint ?? "").toLowerCase().match(/[a-z0-9_]+/g) ?? []);
  return names.find((n) => words.has(n.toLowerCase())) ?? null;
}

/** How well a schema looks like the entity's record: shared property names, and the key field. */
function likeness(schema, canonical, keyField) {
  const props = propNames(schema);
  if (!props.length) return 0;
  const known = new Set(propNames(canonical));
  const shared = props.filter((p) => known.has(p)).length / props.length;
  return shared + (keyField && props.includes(keyField) ? 1 : 0);
}

/** Object and array nodes under a schema, breadth first, with their paths (at most `maxDepth` properties deep). */
function nodesUnder(schema, maxDepth) {
  const out = [];
  let layer = [{ path: [], schema }];
  for (let depth = 0; depth < maxDepth && layer.length; depth++) {
    const next = [];
    for (const { path: at, schema: s } of layer) {
      for (const [name, child] of Object.entries(s?.properties ?? {})) {
        const node = { path: [...at, name], schema: child };
        out.push(node);
        if (typesOf(child).includes("object")) next.push(node);
        // Through arrays too, as `*` (Zoho's create answers `data[*].details`, which holds the new id).
        else if (typesOf(child).includes("array") && typesOf(child.items).includes("object")) {
          const item = { path: [...at, name, "*"], schema: child.items };
          out.push(item);
          next.push(item);
        }
      }
    }
    layer = next;
  }
  return out;
}

/**
 * Where the entity's records sit in what the record extractor yields: `records` (an array of them: the value
 * itself, or Salesforce's `searchRecords`) or one `record` (the value itself, or Linear's `issue` beside `success`).
 */
function shapeOf(action, extracted, canonical, keyField) {
  const types = typesOf(extracted);
  if (types.includes("array")) return { kind: "records", path: [] };
  const nodes = nodesUnder(extracted, 3);
  if (action === "list" || action === "api_search") {
    const arrays = nodes.filter((n) => typesOf(n.schema).includes("array") && typesOf(n.schema.items).includes("object"));
    if (arrays.length) {
      const best = arrays.reduce((a, b) =>
        likeness(b.schema.items, canonical, keyField) > likeness(a.schema.items, canonical, keyField) ? b : a,
      );
      // A page that is one record of the entity, its lists inside it (Amazon Seller Partner's FinancialEvents, whose
      // ShipmentEventList, RefundEventList... are parts of the one record), is that record, not one of its lists.
      const root = likeness(extracted, canonical, keyField);
      if (root >= 1 && root > likeness(best.schema.items, canonical, keyField)) return { kind: "record", path: [] };
      return { kind: "records", path: best.path };
    }
    return { kind: "record", path: [] };
  }
  const root = likeness(extracted, canonical, keyField);
  if (keyField && propNames(extracted).includes(keyField)) return { kind: "record", path: [] };
  const objects = nodes.filter((n) => n.path.length <= 3 && typesOf(n.schema).includes("object") && propNames(n.schema).length);
  const best = objects.reduce(
    (a, b) => (likeness(b.schema, canonical, keyField) > likeness(a?.schema, canonical, keyField) ? b : a),
    undefined,
  );
  if (best && likeness(best.schema, canonical, keyField) >= 1 && likeness(best.schema, canonical, keyField) > root) {
    return { kind: "record", path: best.path };
  }
  return { kind: "record", path: [] };
}

function schemaAt(schema, at) {
  let cur = schema;
  for (const step of at) cur = step === "*" ? cur?.items : cur?.properties?.[step];
  return cur;
}

// ---------------------------------------------------------------------------
// Auth and replication config
// ---------------------------------------------------------------------------

const SECRET_NAME = /token|secret|password|key|credentials/i;

function compactConfigProp(name, p, { secretFlag, description }) {
  const out = {};
  if (!isObj(p)) return out;
  if (p.type !== undefined) out.type = p.type;
  if (typeof p.title === "string") out.title = p.title;
  if (description && typeof p.description === "string") out.description = p.description.trim();
  if (typeof p.format === "string") out.format = p.format;
  if (typeof p.pattern === "string") out.pattern = p.pattern;
  if (Array.isArray(p.enum)) out.enum = p.enum;
  if (p.default !== undefined) out.default = p.default;
  if (isObj(p.items)) {
    const it = {};
    if (p.items.type !== undefined) it.type = p.items.type;
    if (Array.isArray(p.items.enum)) it.enum = p.items.enum;
    if (typeof p.items.format === "string") it.format = p.items.format;
    out.items = it;
  }
  if (secretFlag) {
    out.secret = p.airbyte_secret === true || p["x-airbyte-secret"] === true || p.format === "password" || SECRET_NAME.test(name);
  }
  return out;
}

function authSchemes(doc) {
  const schemes = doc.components?.securitySchemes;
  if (!isObj(schemes)) return [];
  // order: as listed in the top-level `security` requirement list, then any others by name
  const order = [];
  for (const req of Array.isArray(doc.security) ? doc.security : []) {
    if (isObj(req)) for (const k of Object.keys(req)) if (!order.includes(k)) order.push(k);
  }
  for (const k of Object.keys(schemes).sort(byString)) if (!order.includes(k)) order.push(k);

  const out = [];
  for (const schemeName of order) {
    const s = schemes[schemeName];
    if (!isObj(s)) continue;
    const cfg = s["x-airbyte-auth-config"];
    if (!isObj(cfg)) continue;
    const variants = Array.isArray(cfg.oneOf) ? cfg.oneOf : Array.isArray(cfg.anyOf) ? cfg.anyOf : [cfg];
    for (const v of variants) {
      if (!isObj(v)) continue;
      const props = {};
      for (const [n, p] of Object.entries(isObj(v.properties) ? v.properties : {})) {
        props[n] = compactConfigProp(n, p, { secretFlag: true, description: false });
      }
      const entry = {
        title: typeof v.title === "string" ? v.title : typeof cfg.title === "string" ? cfg.title : schemeName,
        scheme: schemeName,
        type: typeof s.type === "string" ? (s.scheme ? `${s.type}:${s.scheme}` : s.type) : null,
        required: Array.isArray(v.required) ? [...v.required] : [],
        properties: props,
      };
      const replication = replicationForm(v, cfg);
      if (replication) entry.replication = replication;
      out.push(entry);
    }
  }
  return out;
}

/**
 * How the replication form of the credentials (what the hosted docs show, e.g. GitHub's
 * `{option_title: "PAT Credentials", personal_access_token}`) maps onto this auth config. Keys are relative to
 * the `credentials` object the caller sends (the spec writes them `credentials.<key>`); top-level replication
 * keys that are not credentials (a start date) are left out.
 */
function replicationForm(variant, cfg) {
  const mapping = isObj(variant.replication_auth_key_mapping) ? variant.replication_auth_key_mapping : cfg.replication_auth_key_mapping;
  const constants = isObj(variant.replication_auth_key_constants)
    ? variant.replication_auth_key_constants
    : cfg.replication_auth_key_constants;
  if (!isObj(mapping)) return null;
  const strip = (k) => (k.startsWith("credentials.") ? k.slice("credentials.".length) : k.includes(".") ? null : k);
  const keys = {};
  for (const [from, to] of Object.entries(mapping)) {
    const k = strip(from);
    if (k !== null && typeof to === "string") keys[k] = to;
  }
  const fixed = {};
  for (const [from, value] of Object.entries(isObj(constants) ? constants : {})) {
    const k = from.startsWith("credentials.") ? from.slice("credentials.".length) : null;
    if (k !== null && !k.includes(".")) fixed[k] = value;
  }
  if (!Object.keys(keys).length) return null;
  return { keys, ...(Object.keys(fixed).length ? { constants: fixed } : {}) };
}

function replicationConfig(info) {
  const rc = info["x-airbyte-replication-config"];
  if (!isObj(rc)) return null;
  const props = {};
  for (const [n, p] of Object.entries(isObj(rc.properties) ? rc.properties : {})) {
    props[n] = compactConfigProp(n, p, { secretFlag: false, description: true });
  }
  // Keys with a platform-supplied constant (GitHub's start_date: 90 days ago) need not come from the user.
  const constants = isObj(rc.replication_config_constants) ? Object.keys(rc.replication_config_constants) : [];
  const required = Array.isArray(rc.required) ? rc.required.filter((key) => !constants.includes(key)) : [];
  return { required, properties: props, ...(constants.length > 0 ? { defaulted: constants } : {}) };
}

function docsUrl(info) {
  const urls = info["x-airbyte-external-documentation-urls"];
  if (!Array.isArray(urls)) return null;
  const withUrl = urls.filter((u) => isObj(u) && typeof u.url === "string");
  const ref = withUrl.find((u) => u.type === "api_reference");
  return (ref ?? withUrl[0])?.url ?? null;
}

// ---------------------------------------------------------------------------
// One connector
// ---------------------------------------------------------------------------

function buildConnector(doc, file) {
  const info = doc.info ?? {};
  const resolveRef = makeResolver(doc);
  const name = info["x-airbyte-connector-name"] ?? path.basename(file, ".yaml");
  const q = isObj(info["x-airbyte-example-questions"]) ? info["x-airbyte-example-questions"] : {};

  // entity -> action -> [{ op, pathItem, where }]
  const entities = new Map();
  for (const p of Object.keys(doc.paths ?? {})) {
    const pathItem = doc.paths[p];
    if (!isObj(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isObj(op)) continue;
      const entity = op["x-airbyte-entity"];
      const action = op["x-airbyte-action"];
      if (typeof entity !== "string" || typeof action !== "string") {
        warn(`${name}: ${method.toUpperCase()} ${p} has no x-airbyte-entity/action; skipped`);
        continue;
      }
      if (!entities.has(entity)) entities.set(entity, new Map());
      const actions = entities.get(entity);
      if (!actions.has(action)) actions.set(action, []);
      actions.get(action).push({ op, pathItem, where: `${name} ${entity}.${action} (${method.toUpperCase()} ${p})` });
    }
  }

  // entity name -> first component schema declaring `x-airbyte-entity-name: <entity>`
  const entitySchemas = new Map();
  for (const [schemaName, s] of Object.entries(doc.components?.schemas ?? {})) {
    const en = isObj(s) ? s["x-airbyte-entity-name"] : undefined;
    if (typeof en === "string" && !entitySchemas.has(en)) entitySchemas.set(en, schemaName);
  }
  // entity name -> compact record built from info.x-airbyte-context-store fields
  const contextFields = new Map();
  const cs = info["x-airbyte-context-store"];
  for (const e of isObj(cs) && Array.isArray(cs.entities) ? cs.entities : []) {
    if (!isObj(e) || typeof e.entity !== "string" || !Array.isArray(e.fields) || !e.fields.length) continue;
    if (contextFields.has(e.entity)) continue;
    const properties = {};
    for (const f of e.fields) {
      if (!isObj(f) || typeof f.name !== "string") continue;
      const { name: _n, description: _d, ...schema } = f;
      properties[f.name] = compactRecord(schema, resolveRef, RECORD_REF_DEPTH);
    }
    contextFields.set(e.entity, { type: "object", properties });
  }
  const fallbacks = [];

  const entityList = [];
  const filledHeaders = authHeaders(doc);
  const contextStoreNames = new Set(
    (isObj(cs) && Array.isArray(cs.entities) ? cs.entities : [])
      .filter((e) => isObj(e) && typeof e.entity === "string")
      .map((e) => e.entity),
  );
  const names = [...new Set([...entities.keys(), ...contextStoreNames])].sort(byString);
  for (const entity of names) {
    const actions = entities.get(entity) ?? new Map();
    const built = [];
    for (const action of [...actions.keys()].sort(byString)) {
      const variants = actions.get(action);
      if (variants.length > 1) {
        warn(`${name} ${entity}.${action}: ${variants.length} operations; merged (first one wins for record/pagination, params unioned)`);
      }
      const parts = variants.map(({ op, pathItem, where }) => ({
        op,
        where,
        params: operationParams(op, pathItem, resolveRef, where, filledHeaders),
      }));
      const primary = parts[0];
      let params = primary.params;
      if (parts.length > 1) {
        const key = (p) => `${p.in}:${p.name}`;
        const merged = new Map();
        for (const b of parts) {
          for (const p of b.params) {
            if (merged.has(key(p))) continue;
            const copy = { ...p };
            Object.defineProperty(copy, "hint", { value: p.hint, enumerable: false, writable: true });
            merged.set(key(p), copy);
          }
        }
        for (const p of merged.values()) {
          // required only when every variant requires it
          p.required = parts.every((b) => b.params.some((x) => key(x) === key(p) && x.required));
        }
        params = [...merged.values()];
      }
      // recordSchema reports unparseable or missing extractors; its result is the list record of old.
      recordSchema(primary.op, resolveRef, primary.where);
      const template = /\((?:[A-Z]+) ([^)]*)\)$/.exec(primary.where)?.[1] ?? "";
      built.push({ action, op: primary.op, params, template, extracted: extractedSchema(primary.op, resolveRef, action) });
    }

    // The entity's own record: a list's items, else api_search's, else what get answers, else the context store's.
    const byAction = new Map(built.map((b) => [b.action, b]));
    const getLike = byAction.get("get")?.extracted;
    const firstShape = (b) => shapeOf(b.action, b.extracted, getLike ?? {}, null);
    let canonical;
    for (const a of ["list", "api_search", "get", "create", "update"]) {
      const b = byAction.get(a);
      if (!b) continue;
      const shape = firstShape(b);
      const at = schemaAt(b.extracted, shape.path);
      canonical = shape.kind === "records" ? (typesOf(at).includes("array") ? at.items : at) : at;
      if (canonical && !isBareObject(canonical)) break;
    }
    if ((!canonical || isBareObject(canonical)) && entitySchemas.has(entity)) {
      const alt = compactRecord({ $ref: `#/components/schemas/${entitySchemas.get(entity)}` }, resolveRef, RECORD_REF_DEPTH);
      if (!isBareObject(alt)) {
        canonical = alt;
        fallbacks.push(`${entity}`);
      }
    }
    if ((!canonical || isBareObject(canonical)) && contextFields.has(entity)) {
      canonical = contextFields.get(entity);
      fallbacks.push(`${entity}`);
    }
    canonical ??= { type: "object" };
    const keyAction = ["get", "update", "delete", "download"]
      .map((a) => byAction.get(a))
      .find((b) => b && keyParamOf(entity, b.action, b.params, b.template));
    const key = keyFieldOf(canonical, keyAction ? keyParamOf(entity, keyAction.action, keyAction.params, keyAction.template) : null);

    const actionList = [];
    for (const b of built) {
      const shape = shapeOf(b.action, b.extracted, canonical, key?.field);
      const at = schemaAt(b.extracted, shape.path) ?? { type: "object" };
      let record = shape.kind === "records" && typesOf(at).includes("array") ? (at.items ?? { type: "object" }) : at;
      // Loosely typed responses (GitHub GraphQL `nodes: [{type: object}]`) answer with the entity's own record.
      if (isBareObject(record) && ENTITY_SCHEMA_FALLBACK_ACTIONS.has(b.action) && !isBareObject(canonical)) record = canonical;
      const entry = { action: b.action, params: b.params, record, shape };
      if (shape.path.length > 0) entry.response = b.extracted;
      const keyParam = keyParamOf(entity, b.action, b.params, b.template);
      if (keyParam) entry.keyParam = keyParam;
      const cursorParam = pickParam(b.params, CURSOR_PARAMS, { skipDates: true });
      const limitParam = pickParam(b.params, LIMIT_PARAMS);
      if (cursorParam && (b.action === "list" || b.action === "api_search")) entry.cursorParam = cursorParam;
      if (limitParam && (b.action === "list" || b.action === "api_search")) entry.limitParam = limitParam;
      const meta = metaOf(b.op, resolveRef);
      if (meta) entry.meta = meta;
      const cursorField = entry.cursorParam ? cursorFieldOf(record, entry.cursorParam, b.params, meta) : null;
      if (cursorField) entry.cursorField = cursorField;
      entry.pagination = pagination(b.op, b.params);
      if (b.action === "download") {
        const resp = successResponse(b.op.responses);
        const ct = isObj(resp?.content) ? Object.keys(resp.content)[0] : undefined;
        const fileUrl = b.op["x-airbyte-file-url"];
        entry.download =
          typeof fileUrl === "string"
            ? // the JSON 200 only locates the file (x-airbyte-file-url); the bytes come from that URL
              { contentType: "application/octet-stream", fileUrl }
            : { contentType: ct ?? "application/octet-stream" };
      }
      actionList.push(entry);
    }
    const out = { name: entity, actions: actionList };
    if (key) out.key = key;
    // Context-store-only entities (no operation of their own) and loose responses read the entity record here.
    if (!actions.has("list") || actionList.every((a) => a.record !== canonical)) out.record = canonical;
    if (contextStoreNames.has(entity)) out.contextStore = contextFields.get(entity) ?? canonical;
    entityList.push(out);
  }

  if (fallbacks.length) {
    warn(
      `${name}: record taken from the entity component schema / context-store fields for ${fallbacks.length} loosely typed action(s): ${fallbacks.join(", ")}`,
    );
  }
  return {
    name,
    displayName: String(info.title ?? name)
      .replace(/\s+API Connector\s*$/, "")
      .trim(),
    definitionId: info["x-airbyte-connector-definition-id"] ?? null,
    version: info.version == null ? null : String(info.version),
    description: firstParagraph(info.description),
    docsUrl: docsUrl(info),
    exampleQuestions: {
      direct: Array.isArray(q.direct) ? q.direct.map(String) : [],
      search: Array.isArray(q.search) ? q.search.map(String) : [],
    },
    auth: authSchemes(doc),
    replicationConfig: replicationConfig(info),
    entities: entityList,
  };
}

// ---------------------------------------------------------------------------
// API schemas
// ---------------------------------------------------------------------------

// Keywords whose value is a map of name -> schema
const SCHEMA_MAP_KEYS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
// Keywords whose value is a schema
const SCHEMA_KEYS = new Set([
  "items",
  "additionalProperties",
  "not",
  "contains",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "additionalItems",
]);
// Keywords whose value is an array of schemas
const SCHEMA_LIST_KEYS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const STRIP_KEYS = new Set(["description", "title", "examples"]);

/** Remove description/title/examples from a schema (schema-aware: property *names* are kept). */
function stripDocs(schema) {
  if (Array.isArray(schema)) return schema.map(stripDocs);
  if (!isObj(schema)) return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (STRIP_KEYS.has(k)) continue;
    if (SCHEMA_MAP_KEYS.has(k) && isObj(v)) {
      const m = {};
      for (const [n, s] of Object.entries(v)) m[n] = stripDocs(s);
      out[k] = m;
    } else if (SCHEMA_KEYS.has(k) && (isObj(v) || Array.isArray(v))) {
      out[k] = stripDocs(v);
    } else if (SCHEMA_LIST_KEYS.has(k) && Array.isArray(v)) {
      out[k] = v.map(stripDocs);
    } else {
      out[k] = v; // keyword values (enum, default, const, discriminator, x-*...) kept verbatim
    }
  }
  return out;
}

function schemaRefOrInline(schema) {
  if (!isObj(schema)) return null;
  const keys = Object.keys(schema);
  if (keys.length === 1 && typeof schema.$ref === "string" && schema.$ref.startsWith("#/components/schemas/")) {
    return schema.$ref.slice("#/components/schemas/".length);
  }
  return stripDocs(schema);
}

function buildApiSchemas(api) {
  const resolveRef = makeResolver(api);
  const schemas = {};
  for (const name of Object.keys(api.components?.schemas ?? {}).sort(byString)) {
    schemas[name] = stripDocs(api.components.schemas[name]);
  }
  const operations = {};
  const opKeys = [];
  for (const p of Object.keys(api.paths ?? {})) {
    const pathItem = api.paths[p];
    if (!isObj(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isObj(op)) continue;
      opKeys.push({ key: `${method.toUpperCase()} ${p}`, op, pathItem });
    }
  }
  opKeys.sort((a, b) => byString(a.key, b.key));
  for (const { key, op, pathItem } of opKeys) {
    const rb = isObj(op.requestBody) && op.requestBody.$ref ? resolveRef(op.requestBody.$ref) : op.requestBody;
    const rbSchema = pickContent(rb?.content)?.media?.schema;
    const responses = {};
    for (const code of Object.keys(op.responses ?? {}).sort(byString)) {
      let r = op.responses[code];
      if (isObj(r) && r.$ref) r = resolveRef(r.$ref);
      responses[code] = schemaRefOrInline(pickContent(r?.content)?.media?.schema);
    }
    const query = [];
    const effective = new Map();
    for (const raw of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
      const prm = isObj(raw) && raw.$ref ? resolveRef(raw.$ref) : raw;
      if (isObj(prm) && typeof prm.name === "string") effective.set(`${prm.in}:${prm.name}`, prm);
    }
    for (const prm of effective.values()) {
      if (prm.in !== "query") continue;
      query.push({ name: prm.name, required: !!prm.required, schema: stripDocs(prm.schema ?? {}) });
    }
    operations[key] = {
      operationId: op.operationId ?? null,
      requestBody: schemaRefOrInline(rbSchema),
      responses,
      query,
    };
  }
  return { source: API_SOURCE, version: api.info?.version ?? null, schemas, operations };
}

// ---------------------------------------------------------------------------
// Serialisation
// ---------------------------------------------------------------------------

/**
 * connectors/<name>.json, one file per connector (so no generated file grows past what a repository should hold,
 * and a diff stays per connector), and connectors/index.ts, which imports them all as one catalog.
 */
function writeConnectors(dir, catalog) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const c of catalog.connectors) {
    const text = `${JSON.stringify(c)}\n`;
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, `${c.name}.json`), text);
  }
  const ident = (name) => `c_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
  const index = [
    "// Generated by scripts/build-catalog.mjs from reference/connector-specs (Elastic License 2.0, see NOTICE). Do not edit.",
    'import type { Catalog, CatalogConnector } from "../../types.js";',
    ...catalog.connectors.map((c) => `import ${ident(c.name)} from "./${c.name}.json";`),
    "",
    "/** The connector catalog: every connector of the vendored specs, in name order. */",
    "export const connectorCatalog: Catalog = {",
    `  source: ${JSON.stringify(catalog.source)},`,
    `  connectors: [${catalog.connectors.map((c) => ident(c.name)).join(", ")}] as CatalogConnector[],`,
    "};",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "index.ts"), index);
  return bytes;
}

function serializeApi(bundle) {
  return `${JSON.stringify(bundle, null, 1)}\n`;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

export function build({ refDir, outDir, quiet = false } = {}) {
  const reference = path.resolve(refDir ?? process.env.AIRBYTE_REFERENCE_DIR ?? path.resolve(repoRoot, "reference"));
  const out = path.resolve(outDir ?? process.env.CATALOG_OUT_DIR ?? path.join(pkgRoot, "src", "catalog", "generated"));
  warnings.length = 0;

  const specDir = path.join(reference, "connector-specs");
  const files = fs
    .readdirSync(specDir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort(byString);
  const connectors = [];
  for (const f of files) {
    const doc = YAML.parse(fs.readFileSync(path.join(specDir, f), "utf8"), { maxAliasCount: -1 });
    connectors.push(buildConnector(doc, f));
  }
  connectors.sort((a, b) => byString(a.name, b.name));
  const names = new Set();
  for (const c of connectors) {
    if (names.has(c.name)) throw new Error(`duplicate connector name ${c.name}`);
    names.add(c.name);
  }

  const api = JSON.parse(fs.readFileSync(path.join(reference, "openapi", "airbyte-agent-api.json"), "utf8"));
  const apiBundle = buildApiSchemas(api);

  fs.mkdirSync(out, { recursive: true });
  const connectorsPath = path.join(out, "connectors");
  fs.rmSync(path.join(out, "connectors.json"), { force: true });
  const connectorBytes = writeConnectors(connectorsPath, { source: CONNECTORS_SOURCE, connectors });
  const apiText = serializeApi(apiBundle);
  const apiPath = path.join(out, "api-schemas.json");
  fs.writeFileSync(apiPath, apiText);

  const stats = {
    connectors: connectors.length,
    entities: 0,
    actions: 0,
    downloads: 0,
    paginated: 0,
    connectorsWithoutPagination: [],
    apiSchemas: Object.keys(apiBundle.schemas).length,
    apiOperations: Object.keys(apiBundle.operations).length,
    bytes: { connectors: connectorBytes, api: Buffer.byteLength(apiText) },
  };
  for (const c of connectors) {
    let anyPag = false;
    for (const e of c.entities) {
      stats.entities++;
      for (const a of e.actions) {
        stats.actions++;
        if (a.download) stats.downloads++;
        if (a.pagination) {
          stats.paginated++;
          anyPag = true;
        }
      }
    }
    if (!anyPag) stats.connectorsWithoutPagination.push(c.name);
  }

  if (!quiet) {
    for (const w of warnings) console.warn(`warning: ${w}`);
    const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(`reference: ${reference}`);
    console.log(`wrote ${path.relative(process.cwd(), connectorsPath) || connectorsPath} (${kb(stats.bytes.connectors)})`);
    console.log(`wrote ${path.relative(process.cwd(), apiPath) || apiPath} (${kb(stats.bytes.api)})`);
    console.log(
      `connectors=${stats.connectors} entities=${stats.entities} actions=${stats.actions} ` +
        `paginated=${stats.paginated} downloads=${stats.downloads} ` +
        `apiSchemas=${stats.apiSchemas} apiOperations=${stats.apiOperations}`,
    );
    console.log(
      `connectors without pagination info (${stats.connectorsWithoutPagination.length}): ` +
        `${stats.connectorsWithoutPagination.join(", ") || "-"}`,
    );
  }
  return { stats, warnings: [...warnings], connectorsPath, apiPath };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log("usage: node scripts/build-catalog.mjs [--out <dir>] [--reference <dir>] [--quiet]");
      console.log("env: AIRBYTE_REFERENCE_DIR (input), CATALOG_OUT_DIR (output)");
    } else {
      build(args);
    }
  } catch (err) {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  }
}
