#!/usr/bin/env node
// Counts the bounds the emulator checks on params and request-body fields (execute/bounds.ts), from the generated
// catalog: the figures of the README's "Parameter constraints" bullet. `node scripts/count-param-bounds.mjs`
import { readdirSync, readFileSync } from "node:fs";

const dir = new URL("../src/catalog/generated/connectors/", import.meta.url);
const KINDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format"];
const CHECKED_FORMATS = new Set(["date-time", "date", "email", "uri"]);
const has = (schema, kind) => schema[kind] !== undefined && (kind !== "format" || CHECKED_FORMATS.has(schema[kind]));
const params = Object.fromEntries(KINDS.map((k) => [k, 0]));
const nested = Object.fromEntries(KINDS.map((k) => [k, 0]));
const formats = {};
let total = 0;
let bounded = 0;
let pageSizes = 0;
let nestedFields = 0;
let operations = 0;

function walk(schema) {
  for (const child of [...Object.values(schema.properties ?? {}), ...(schema.items ? [schema.items] : [])]) {
    const kinds = KINDS.filter((k) => has(child, k));
    if (kinds.length > 0) nestedFields++;
    for (const k of kinds) nested[k]++;
    if (has(child, "format")) formats[child.format] = (formats[child.format] ?? 0) + 1;
    walk(child);
  }
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const connector = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  for (const entity of connector.entities ?? [])
    for (const action of entity.actions ?? []) {
      operations++;
      for (const param of action.params ?? []) {
        total++;
        const kinds = KINDS.filter((k) => has(param, k));
        if (kinds.length > 0) bounded++;
        if (param.name === action.limitParam && param.maximum !== undefined) pageSizes++;
        for (const k of kinds) params[k]++;
        if (has(param, "format")) formats[param.format] = (formats[param.format] ?? 0) + 1;
        if (param.schema) walk(param.schema);
      }
    }
}
console.log(
  JSON.stringify(
    { operations, params: total, boundedParams: bounded, pageSizesWithMaximum: pageSizes, byKind: params, nestedFields, nested, formats },
    null,
    2,
  ),
);
