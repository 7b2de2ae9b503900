import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

// The walk test's own reading of the vendored connector specs (never the emulator's catalog): operations,
// parameters, request bodies, and the JSON pointer of each 200 response schema after the record extractor.

export const SPEC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../reference/connector-specs");

type Json = any;

export interface SpecOperation {
  connector: string;
  entity: string;
  action: string;
  method: string;
  path: string;
  op: Json;
  params: Json[];
  /** JSON pointer (into the spec) of the request body schema, resolved. */
  body: Json | undefined;
  /** JSON pointer of the extracted 200 response schema, or undefined when the spec gives none. */
  responsePointer: string | undefined;
  /** The extractor has a wildcard (`$.campaigns[*].campaign`): the result is a list of values of that schema. */
  many: boolean;
  metaKeys: string[];
}

export interface Spec {
  file: string;
  name: string;
  doc: Json;
  definitionId: string;
  operations: SpecOperation[];
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function resolve(doc: Json, node: Json): Json {
  let current = node;
  for (let i = 0; i < 20 && current && typeof current.$ref === "string"; i++) current = pointerGet(doc, current.$ref.slice(1));
  return current;
}

export function pointerGet(doc: Json, pointer: string): Json {
  let current = doc;
  for (const raw of pointer.split("/").slice(1)) {
    current = current?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return current;
}

const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Follows one property step from a schema pointer, through $ref, allOf and anyOf/oneOf branches. */
function stepInto(doc: Json, pointer: string, step: { prop?: string; index?: boolean }, depth = 0): string | undefined {
  if (depth > 10) return undefined;
  const node = pointerGet(doc, pointer);
  if (!node || typeof node !== "object") return undefined;
  if (typeof node.$ref === "string") return stepInto(doc, node.$ref.slice(1), step, depth + 1);
  if (step.prop !== undefined && node.properties && step.prop in node.properties) return `${pointer}/properties/${esc(step.prop)}`;
  if (step.index && node.items) return `${pointer}/items`;
  // [*] over an object walks its values (Zendesk Chat's bans: {ip_address: [Ban], visitor: [Ban]}).
  if (step.index && node.properties && Object.keys(node.properties).length)
    return `${pointer}/properties/${esc(Object.keys(node.properties)[0] as string)}`;
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    for (let i = 0; i < (node[key]?.length ?? 0); i++) {
      const found = stepInto(doc, `${pointer}/${key}/${i}`, step, depth + 1);
      if (found) return found;
    }
  }
  // A property step through an array without [*] maps over the items (as the extractors do).
  if (step.prop !== undefined && node.items) return stepInto(doc, `${pointer}/items`, step, depth + 1);
  return undefined;
}

function jsonPathSteps(expr: string): { prop?: string; index?: boolean }[] {
  const steps: { prop?: string; index?: boolean }[] = [];
  const re = /\.([A-Za-z0-9_@$-]+)|\[(\*|\d+)\]|\[['"]([^'"]+)['"]\]/g;
  for (const m of expr.slice(1).matchAll(re)) steps.push(m[1] ? { prop: m[1] } : m[3] ? { prop: m[3] } : { index: true });
  return steps;
}

function responsePointer(doc: Json, opPointer: string, op: Json): { pointer: string | undefined; many: boolean } {
  let many = false;
  const pointer = ((): string | undefined => {
    const codes = Object.keys(op.responses ?? {});
    const code = codes.includes("200") ? "200" : codes.filter((c) => /^2\d\d$/.test(c)).sort()[0];
    if (!code) return undefined;
    let respPointer = `${opPointer}/responses/${code}`;
    const resp = pointerGet(doc, respPointer);
    if (resp?.$ref) respPointer = resp.$ref.slice(1);
    const content = pointerGet(doc, respPointer)?.content ?? {};
    const type = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
    if (!type || !content[type]?.schema) return undefined;
    let pointer = `${respPointer}/content/${esc(type)}/schema`;
    const extractor = op["x-airbyte-record-extractor"];
    if (typeof extractor === "string") {
      let at: string | undefined = pointer;
      const steps = jsonPathSteps(extractor);
      for (const step of steps) at = at === undefined ? undefined : stepInto(doc, at, step);
      // A spec whose extractor is not in its 200 schema documents the extracted value as the 200 schema itself.
      if (at !== undefined) {
        pointer = at;
        many = steps.some((s) => s.index);
      }
    }
    return pointer;
  })();
  return { pointer, many };
}

export function loadSpecs(): Spec[] {
  return readdirSync(SPEC_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const doc = parse(readFileSync(path.join(SPEC_DIR, file), "utf8"), { maxAliasCount: -1 });
      const name = doc.info["x-airbyte-connector-name"] ?? file.replace(/\.yaml$/, "");
      const operations: SpecOperation[] = [];
      for (const [p, item] of Object.entries<Json>(doc.paths ?? {})) {
        for (const method of METHODS) {
          const op = item[method];
          if (!op) continue;
          const opPointer = `/paths/${esc(p)}/${method}`;
          const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => resolve(doc, x));
          const rb = resolve(doc, op.requestBody);
          const bodyType = rb?.content ? Object.keys(rb.content)[0] : undefined;
          const body = bodyType ? resolve(doc, rb.content[bodyType].schema) : undefined;
          operations.push({
            connector: name,
            entity: op["x-airbyte-entity"],
            action: op["x-airbyte-action"],
            method,
            path: p,
            op,
            params,
            body,
            ...(({ pointer, many }) => ({ responsePointer: pointer, many }))(responsePointer(doc, opPointer, op)),
            metaKeys: Object.keys(op["x-airbyte-meta-extractor"] ?? {}),
          });
        }
      }
      return { file, name, doc, definitionId: doc.info["x-airbyte-connector-definition-id"], operations };
    });
}

/** `nullable: true` (OpenAPI 3.0 style, used by some specs) as JSON Schema 2020-12 says it: a null type. */
export function withNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(withNullable);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = withNullable(v);
  if (out.nullable === true) {
    if (out.type !== undefined) out.type = [...new Set([out.type, "null"].flat())];
    else if (out.$ref || out.allOf || out.oneOf || out.anyOf) return { anyOf: [stripNullable(out), { type: "null" }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function stripNullable(node: Json): Json {
  const { nullable: _n, ...rest } = node;
  return rest;
}
