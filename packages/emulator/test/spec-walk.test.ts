import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, useEmulator } from "./helpers/emulator.js";
import { loadSpecs, pointerGet, resolve, type Spec, type SpecOperation, withNullable } from "./helpers/spec-reader.js";

// Walks every operation of every vendored connector spec over real HTTP, with params built from the spec
// itself (this file reads the YAML; it never looks at the emulator's catalog), and checks that the emulator
// behaves as the spec says: 200, the result validates against the 200 schema after the record extractor, the
// meta extractor's keys are there, an id from a list resolves in a get, and a create shows in later reads
// with the fields that were sent. The figures it prints are the ones in the README.

type Json = any;

// Few records per entity, so a created record is on the first page of every list.
const h = useEmulator({ recordsPerEntity: 3 });
const specs = loadSpecs();

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, logger: false });
addFormats(ajv);
for (const format of ["int32", "int64", "float", "double", "byte", "binary", "password", "decimal", "timestamp", "unix-time"])
  ajv.addFormat(format, true);
for (const spec of specs) ajv.addSchema({ ...withNullable(spec.doc), $id: `https://walk.invalid/${spec.name}` });

function validatorFor(spec: Spec, pointer: string) {
  return ajv.getSchema(`https://walk.invalid/${spec.name}#${pointer}`);
}

let token: string;
beforeAll(async () => {
  token = await h.appToken();
});

/** A value for a schema, by type: enums and defaults first; objects get their required properties. */
/** A string matching a pattern of one character class repeated (`^[0-9]{10}$`, `^[A-Z]{2,3}$`), else undefined. */
function matching(pattern: string): string | undefined {
  const m = /^\^\[([^\]]+)\]\{(\d+)(?:,\d*)?\}\$$/.exec(pattern);
  return m ? (m[1] as string).charAt(0).repeat(Number(m[2])) : undefined;
}

function fill(doc: Json, raw: Json, name: string, depth = 0): unknown {
  const schema = resolve(doc, raw) ?? {};
  if (depth > 6) return undefined;
  if (schema.allOf) return fill(doc, Object.assign({}, ...schema.allOf.map((s: Json) => resolve(doc, s))), name, depth + 1);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const branch = branches.map((b: Json) => resolve(doc, b)).find((b: Json) => b?.type !== "null");
    return fill(doc, branch ?? {}, name, depth + 1);
  }
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null);
  if (schema.const !== undefined) return schema.const;
  const type = [schema.type ?? (schema.properties ? "object" : schema.items ? "array" : "string")].flat().find((t) => t !== "null");
  switch (type) {
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? Math.max(schema.minimum, 1) : 1;
    case "boolean":
      return true;
    case "array": {
      const item = fill(doc, schema.items ?? {}, name, depth + 1);
      return item === undefined ? [] : [item];
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const value = fill(doc, schema.properties?.[key] ?? {}, key, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    default:
      if (schema.format === "date-time") return "2026-01-02T03:04:05Z";
      if (schema.format === "date") return "2026-01-02";
      if (schema.format === "email") return "walk@example.com";
      if (schema.format === "uri" || schema.format === "url") return "https://example.com/walk";
      if (schema.format === "uuid") return "5b1f3e2a-8c4d-4e6f-9a0b-1c2d3e4f5a6b";
      // A pattern the emulator checks (Google Ads `customer_id`: ^[0-9]{10}$) gets a value that matches it.
      if (typeof schema.pattern === "string") return matching(schema.pattern) ?? `walk-${name}`;
      // Realistic by name, as a user would send it: an email field gets an address, a url field a url.
      if (/e-?mail/i.test(name)) return `walk-${name.replace(/[^A-Za-z0-9]/g, "")}@example.com`;
      if (/(url|uri|link|href|website)$/i.test(name)) return `https://example.com/walk/${name}`;
      return `walk-${name}`;
  }
}

const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number";

function field(record: Json, name: string): unknown {
  if (!record || typeof record !== "object") return undefined;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key !== undefined && isScalar(record[key]) ? record[key] : undefined;
}

/** The value of a record that a key parameter names: the same name, its id-like suffix, or a repo's name. */
function keyValue(record: Json, param: string): unknown {
  const suffix = /(gid|sid|uuid|key|number|slug|id)(orkey)?$/i.exec(param)?.[1];
  return (
    field(record, param) ??
    (suffix ? field(record, suffix) : undefined) ??
    (/^(username|login)$/i.test(param) ? (field(record, "login") ?? field(record, "name")) : undefined) ??
    (/^(repo|repository|slug|name)$/i.test(param) ? field(record, "name") : undefined)
  );
}

/** A record's own id, for a key parameter named after the entity (Slack's `channel`, `user`). */
function primaryId(record: Json): unknown {
  for (const name of ["id", "gid", "sid", "uuid", "key"]) if (field(record, name) !== undefined) return field(record, name);
  return undefined;
}

const typeOk = (doc: Json, p: Json, v: unknown) => {
  const t = [resolve(doc, p.schema)?.type ?? "string"].flat();
  return typeof v === "string"
    ? t.includes("string") || (/^\d+$/.test(v) && t.includes("integer"))
    : t.includes("integer") || t.includes("number") || t.includes("string");
};

/** Headers the spec's auth config sends itself (`additional_headers`): not the caller's to give. */
function authFilled(spec: Spec): Set<string> {
  const names = new Set<string>();
  for (const scheme of Object.values<Json>(spec.doc.components?.securitySchemes ?? {})) {
    const cfg = scheme["x-airbyte-auth-config"];
    for (const v of cfg ? [cfg, ...(cfg.oneOf ?? [])] : [])
      for (const name of Object.keys(v.additional_headers ?? {})) names.add(name.toLowerCase());
  }
  return names;
}

/** Params for an operation: required ones filled by type, key params from a record when there is one. */
function paramsFor(
  spec: Spec,
  op: SpecOperation,
  record: Json | undefined,
  extras = true,
): { params: Record<string, unknown>; sent: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  // A REST path's last parameter names the record (`/projects/{project_id}/repository/commits/{sha}`);
  // the others are parents, taken from the record only under their own name.
  const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const restKey = inPath[inPath.length - 1];
  for (const p of op.params) {
    if (p.in === "cookie") continue;
    if (
      p.in === "header" &&
      (!p.required || resolve(spec.doc, p.schema)?.default !== undefined || authFilled(spec).has(p.name.toLowerCase()))
    )
      continue;
    if (!(p.required || p.in === "path")) continue;
    const fromRecord = !record
      ? undefined
      : restKey === undefined
        ? keyValue(record, p.name)
        : p.name === restKey
          ? (keyValue(record, p.name) ?? primaryId(record))
          : field(record, p.name);
    params[p.name] = fromRecord !== undefined && typeOk(spec.doc, p, fromRecord) ? fromRecord : fill(spec.doc, p.schema ?? {}, p.name);
  }
  // A key param no record field is named after takes the record's own id: the one named after the entity
  // (Slack's `channel`), else the last required one with no value from the record (GitHub's `org`, `tag`).
  const required = [...op.params, ...bodyRequired(spec, op)].filter(
    (p) => p.in !== "header" && p.in !== "cookie" && (p.required || p.in === "path"),
  );
  const singular = op.entity.replace(/ies$/, "y").replace(/s$/, "").toLowerCase();
  const unmapped = record && restKey === undefined ? required.filter((p) => keyValue(record, p.name) === undefined) : [];
  const named = unmapped.find((p) => p.name.toLowerCase() === singular) ?? unmapped[unmapped.length - 1];
  const id = record ? primaryId(record) : undefined;
  const keyTaken = required.some((p) => p !== named && keyValue(record, p.name) !== undefined && keyValue(record, p.name) === id);
  if (named && id !== undefined && !keyTaken && typeOk(spec.doc, named, id)) params[named.name] = id;
  const sent: Record<string, unknown> = {};
  const body = op.body ? resolve(spec.doc, op.body) : undefined;
  const bodyProps = body?.allOf
    ? Object.assign({}, ...body.allOf.map((s: Json) => resolve(spec.doc, s)?.properties ?? {}))
    : (body?.properties ?? {});
  const requiredBody = new Set<string>(body?.required ?? []);
  for (const [name, raw] of Object.entries<Json>(bodyProps)) {
    if (name in params) {
      if (requiredBody.has(name)) sent[name] = params[name];
      continue;
    }
    const schema = resolve(spec.doc, raw);
    const plainString = schema?.type === "string" && !schema.enum && !schema.format && !schema.pattern;
    if (requiredBody.has(name) || (extras && plainString && (op.action === "create" || op.action === "update"))) {
      const value = fromRecordKey(record, name) ?? fill(spec.doc, raw, name);
      if (value !== undefined) {
        params[name] = value;
        sent[name] = value;
      }
    }
  }
  return { params, sent };
}

/** Required top-level body properties as pseudo-parameters (key lookups treat them like query params). */
function bodyRequired(spec: Spec, op: SpecOperation): Json[] {
  const body = op.body ? resolve(spec.doc, op.body) : undefined;
  return (body?.required ?? []).map((name: string) => ({ name, in: "body", required: true, schema: body?.properties?.[name] ?? {} }));
}

// A body param that names the record itself (Linear's update `id`) comes from the record too.
function fromRecordKey(record: Json, name: string): unknown {
  return record && (/^(id|gid|sid)$/i.test(name) || /(gid|sid|uuid|key|number|Id|_id)$/.test(name)) ? keyValue(record, name) : undefined;
}

async function execute(connectorId: string, entity: string, action: string, params: Record<string, unknown>): Promise<ApiResponse> {
  return h.api("POST", `/api/v1/integrations/connectors/${connectorId}/execute`, { token, body: { entity, action, params } });
}

function validates(spec: Spec, op: SpecOperation, result: unknown): string | undefined {
  if (!op.responsePointer) return undefined;
  const validate = validatorFor(spec, op.responsePointer);
  if (!validate) return `no schema at ${op.responsePointer}`;
  // A wildcard extractor gives a list of what its path reaches for lists; a single-record action answers one.
  const listLike = op.action === "list" || op.action === "api_search";
  const target = pointerGet(spec.doc, op.responsePointer);
  if (op.many && listLike && resolve(spec.doc, target)?.type !== "array") {
    if (!Array.isArray(result)) return "a wildcard extractor answers a list";
    const bad = result.find((item) => !validate(item));
    return bad === undefined ? undefined : `schema: ${JSON.stringify(validate.errors?.slice(0, 2))}`.slice(0, 400);
  }
  if (validate(result)) return undefined;
  return `schema: ${JSON.stringify(validate.errors?.slice(0, 2))}`.slice(0, 400);
}

/** The entity record inside an extracted single-record value: itself, or a nested object carrying the key. */
function recordIn(value: Json, keyParams: string[]): Json {
  const candidates: Json[] = [];
  const visit = (v: Json, depth: number) => {
    if (!v || typeof v !== "object" || depth > 3) return;
    if (Array.isArray(v)) visit(v[0], depth + 1);
    else {
      candidates.push(v);
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return candidates.find((c) => keyParams.every((p) => keyValue(c, p) !== undefined)) ?? value;
}

function recordsIn(value: Json): Json[] {
  if (Array.isArray(value)) return value;
  const arrays = Object.values(value ?? {}).filter(Array.isArray) as Json[][];
  return arrays.find((a) => a.some((x) => x && typeof x === "object")) ?? [];
}

interface Outcome {
  op: SpecOperation;
  ok: boolean;
  why?: string;
}

const ORDER = ["list", "api_search", "get", "create", "update", "download", "delete"];

function keyParamsOf(op: SpecOperation | undefined): string[] {
  if (!op) return [];
  return op.params
    .filter((p) => p.in === "path" || (p.required && p.in === "query"))
    .map((p) => p.name)
    .filter((n) => /(gid|sid|uuid|key|number|id|idorkey)$/i.test(n) || /^(repo)$/.test(n));
}

async function walkEntity(spec: Spec, connectorId: string, entity: string, ops: SpecOperation[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const sorted = [...ops].sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
  const get = sorted.find((o) => o.action === "get");
  const getKeys = keyParamsOf(get);
  let sample: Json;
  for (const op of sorted) {
    const problems: string[] = [];
    try {
      const { params, sent } = paramsFor(
        spec,
        op,
        op.action === "list" || op.action === "api_search" || op.action === "create" ? undefined : sample,
      );
      const res = await execute(connectorId, entity, op.action, params);
      if (res.status !== 200) {
        outcomes.push({
          op,
          ok: false,
          why: `${res.status} ${JSON.stringify(res.body).slice(0, 300)} params=${JSON.stringify(params).slice(0, 200)}`,
        });
        continue;
      }
      if (op.action === "download") {
        outcomes.push({ op, ok: true });
        continue;
      }
      const result = res.body.result;
      const invalid = validates(spec, op, result);
      if (invalid) problems.push(invalid);
      const meta = res.body.connector_metadata ?? {};
      const missing = op.metaKeys.filter((k) => !(k in meta));
      if (missing.length) problems.push(`meta keys missing: ${missing.join(", ")}`);
      if ((op.action === "list" || op.action === "api_search") && sample === undefined) sample = recordsIn(result)[0];
      if (op.action === "get" && sample && getKeys.length) {
        const got = recordIn(result, getKeys);
        for (const k of getKeys) {
          const want = keyValue(sample, k);
          if (want !== undefined && keyValue(got, k) !== undefined && keyValue(got, k) !== want)
            problems.push(`get ${k}: ${keyValue(got, k)} != ${want}`);
        }
      }
      if (op.action === "create" || op.action === "update") {
        const written = recordIn(result, getKeys);
        problems.push(...(await readsBack(spec, connectorId, entity, sorted, op, written, sent)));
      }
      if (op.action === "delete" && get && sample) {
        const after = await execute(connectorId, entity, "get", paramsFor(spec, get, sample).params);
        if (after.status !== 404) problems.push(`get after delete: ${after.status}`);
      }
    } catch (error) {
      problems.push(String(error));
    }
    outcomes.push({ op, ok: problems.length === 0, ...(problems.length ? { why: problems.join("; ") } : {}) });
  }
  return outcomes;
}

/**
 * Whether a read holds what was written: equal values; for objects, every written field the read has;
 * a field whose response type differs from the request's (a JSON string answered as an object) is not comparable.
 */
function holds(read: unknown, written: unknown): boolean {
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(read) !== kind(written)) return true;
  if (kind(written) === "object")
    return Object.entries(written as Json).every(([k, v]) => !(k in (read as Json)) || holds((read as Json)[k], v));
  return JSON.stringify(read) === JSON.stringify(written);
}

/** The fields a write sent, as the record holds them (Asana's `data` wrapper is no field of the record). */
function sentFields(sent: Record<string, unknown>, record: Json): Record<string, unknown> {
  const entries = Object.entries(sent);
  const [name, only] = entries[0] ?? ["", undefined];
  // One wrapper object (Asana's `data`, Zendesk's `ticket`), or a list of one (Zoho's `data: [{...}]`).
  const inner = Array.isArray(only) && only.length === 1 ? only[0] : only;
  if (entries.length === 1 && inner && typeof inner === "object" && !Array.isArray(inner) && !(name in (record ?? {})))
    return inner as Record<string, unknown>;
  return sent;
}

/** A written record is what a later get (and, for a create, a list) answers, with the fields that were sent. */
async function readsBack(
  spec: Spec,
  connectorId: string,
  entity: string,
  ops: SpecOperation[],
  write: SpecOperation,
  written: Json,
  sent: Record<string, unknown>,
) {
  const problems: string[] = [];
  const get = ops.find((o) => o.action === "get");
  const list = ops.find((o) => o.action === "list");
  const fields = sentFields(sent, written);
  const compare = (where: string, answer: Json) => {
    for (const [sentName, value] of Object.entries(fields)) {
      if (!answer || typeof answer !== "object") continue;
      // The same field under the response's spelling (Twilio's `To` answers as `to`).
      const norm = (n: string) => n.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
      const find = (r: Json) => (sentName in r ? sentName : Object.keys(r).find((k) => norm(k) === norm(sentName)));
      // Or inside a `data` envelope, when the spec extracts none (Pylon's `{data, request_id}`).
      const envelope = answer.data && typeof answer.data === "object" && !Array.isArray(answer.data) ? answer.data : undefined;
      const record = find(answer) === undefined && envelope && find(envelope) !== undefined ? envelope : answer;
      const name = find(record);
      if (name === undefined) continue;
      readBack.compared++;
      if (!holds(record[name], value)) problems.push(`${where} ${name}: ${JSON.stringify(record[name])} != ${JSON.stringify(value)}`);
    }
  };
  readBack.writes++;
  const before = readBack.compared;
  compare(write.action, written);
  const keys = keyParamsOf(get);
  if (get && keys.length && keys.every((k) => keyValue(written, k) !== undefined)) {
    const res = await execute(connectorId, entity, "get", paramsFor(spec, get, written).params);
    if (res.status !== 200) problems.push(`get after ${write.action}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    else compare("get", recordIn(res.body.result, keys));
  }
  if (write.action === "create" && list && keys.length) {
    const res = await execute(connectorId, entity, "list", paramsFor(spec, list, undefined).params);
    // Compared as text: a spec may type one id as an integer in one response and a string in another.
    const found = recordsIn(res.body?.result).find((r) => keys.every((k) => String(keyValue(r, k)) === String(keyValue(written, k))));
    if (res.status !== 200 || !found) problems.push(`created record not in list (${res.status})`);
    else compare("list", found);
  }
  if (readBack.compared === before && Object.keys(fields).length > 0)
    readBack.uncompared.push(`${write.connector} ${write.entity}.${write.action}`);
  return problems;
}

/** How much the read-back checks saw: writes, field comparisons, and writes none of whose fields any read had. */
const readBack = { writes: 0, compared: 0, uncompared: [] as string[] };

function credentialsFor(spec: Spec): Record<string, unknown> {
  for (const scheme of Object.values<Json>(spec.doc.components?.securitySchemes ?? {})) {
    const config = scheme["x-airbyte-auth-config"];
    if (!config) continue;
    const variant = config.oneOf?.[0] ?? config;
    return Object.fromEntries((variant.required ?? []).map((k: string) => [k, `walk-${k}`]));
  }
  return {};
}

function replicationFor(spec: Spec): Record<string, unknown> {
  const rc = spec.doc.info["x-airbyte-replication-config"];
  if (!rc) return {};
  const constants = rc.replication_config_constants ?? {};
  const out: Record<string, unknown> = {};
  for (const key of rc.required ?? []) {
    if (key in constants) continue;
    const p = rc.properties?.[key] ?? {};
    out[key] = p.type === "array" ? ["walk/walk"] : fill(spec.doc, p, key);
  }
  return out;
}

describe("spec walk: every operation of every connector spec", () => {
  const outcomes: Outcome[] = [];
  const contextStore: { spec: string; entity: string; ok: boolean; why?: string }[] = [];

  it("answers every operation as its spec says", { timeout: 300_000 }, async () => {
    for (const spec of specs) {
      const created = await h.api("POST", "/api/v1/integrations/connectors", {
        token,
        body: {
          workspace_name: "default",
          definition_id: spec.definitionId,
          name: `walk ${spec.name}`,
          credentials: credentialsFor(spec),
          replication_config: replicationFor(spec),
        },
      });
      if (created.status !== 200) {
        for (const op of spec.operations) outcomes.push({ op, ok: false, why: `connector create ${created.status}` });
        continue;
      }
      const byEntity = new Map<string, SpecOperation[]>();
      for (const op of spec.operations) byEntity.set(op.entity, [...(byEntity.get(op.entity) ?? []), op]);
      for (const [entity, ops] of byEntity) outcomes.push(...(await walkEntity(spec, created.body.id, entity, ops)));
      for (const cs of spec.doc.info["x-airbyte-context-store"]?.entities ?? []) {
        const res = await execute(created.body.id, cs.entity, "context_store_search", { limit: 2 });
        const listed = new Set((cs.fields ?? []).map((f: Json) => f.name));
        const data = res.body?.result?.data;
        const extra = Array.isArray(data) ? data.flatMap((r: Json) => Object.keys(r).filter((k) => listed.size > 0 && !listed.has(k))) : [];
        const metaOk = res.body?.result?.meta && ["has_more", "cursor", "took_ms"].every((k) => k in res.body.result.meta);
        // Each listed field's value has the type the context store gives it.
        const properties = Object.fromEntries((cs.fields ?? []).map((f: Json) => [f.name, f.type === undefined ? {} : { type: f.type }]));
        const validate = ajv.compile({ type: "object", properties });
        const typed = Array.isArray(data) && data.every((r: Json) => validate(r));
        const ok = res.status === 200 && Array.isArray(data) && extra.length === 0 && !!metaOk && typed;
        contextStore.push({
          spec: spec.name,
          entity: cs.entity,
          ok,
          ...(ok
            ? {}
            : {
                why: `${res.status} extra=${extra.slice(0, 3)} types=${JSON.stringify(validate.errors?.slice(0, 1))} ${JSON.stringify(res.body).slice(0, 200)}`,
              }),
        });
      }
    }
    const total = specs.reduce((n, s) => n + s.operations.length, 0);
    const failed = outcomes.filter((o) => !o.ok);
    const csFailed = contextStore.filter((c) => !c.ok);
    for (const f of failed)
      console.log(`FAIL ${f.op.connector} ${f.op.entity}.${f.op.action} (${f.op.method.toUpperCase()} ${f.op.path}): ${f.why}`);
    for (const f of csFailed) console.log(`FAIL context store ${f.spec} ${f.entity}: ${f.why}`);
    console.log(
      `read-back: ${readBack.writes} writes, ${readBack.compared} field comparisons; writes whose sent fields no read had: ` +
        `${readBack.uncompared.length} (${readBack.uncompared.join(", ")})`,
    );
    console.log(
      `spec walk: ${outcomes.length} of ${total} operations covered: ${outcomes.length - failed.length} passed, ${failed.length} failed; ` +
        `context store: ${contextStore.length - csFailed.length} of ${contextStore.length} entities passed`,
    );
    expect(outcomes.length).toBe(total);
    expect(failed.map((f) => `${f.op.connector} ${f.op.entity}.${f.op.action}: ${f.why}`)).toEqual([]);
    expect(csFailed).toEqual([]);
  });

  it("keeps the spec's own pointers resolvable (every 200 schema is found)", () => {
    for (const spec of specs)
      for (const op of spec.operations) if (op.responsePointer) expect(pointerGet(spec.doc, op.responsePointer), op.path).toBeDefined();
  });
});
