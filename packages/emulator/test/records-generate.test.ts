import { describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import type { RecordSchema } from "../src/catalog/types.js";
import { generateRecord, idStyleOf } from "../src/records/generate.js";

// Generated records must read as real data: every value of the type, enum and format its schema says, dates that
// parse and agree with each other, states that make sense next to their dates. Walks every connector's schemas.

const SEED = "records-generate-test";
const INDEXES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 57, 999, 99_999];
/** Unix seconds from 2000 to 2030: what an integer date field must hold. */
const SECONDS = { min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 };
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
/** Names any reader takes for a date or time: created_at, updatedAt, closed_at, createdTime... */
const DATE_NAME = /(^|_)(created|updated|modified)(_at|_time)?$|_at$|[a-z]At$|^(created|updated|modified)(At|Time|_time)$/;
/** Names any reader takes for a link. */
const URL_NAME = /(^|_)(url|html_url|avatar_url|website)$|[a-z]Url$/;

interface Problem {
  path: string;
  value: unknown;
  why: string;
}

function typesOf(schema: RecordSchema): string[] {
  if (schema.type !== undefined) return [schema.type].flat();
  if (schema.properties) return ["object"];
  if (schema.items) return ["array"];
  return ["string"];
}

function isDate(text: string): boolean {
  return (ISO_DATE_TIME.test(text) || ISO_DATE.test(text)) && !Number.isNaN(Date.parse(text));
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Checks one value against its schema and its name, recursively; pushes what is wrong. */
function check(schema: RecordSchema, value: unknown, name: string, path: string, problems: Problem[]): void {
  const types = typesOf(schema);
  const fail = (why: string) => problems.push({ path, value, why });
  if (value === null) {
    if (!types.includes("null") && !schema.enum?.includes(null)) fail("null where the schema allows no null");
    return;
  }
  if (schema.enum && schema.enum.length > 0) {
    if (!schema.enum.includes(value)) fail(`not one of the enum ${JSON.stringify(schema.enum)}`);
    return;
  }
  const type = types.find((t) => t !== "null") ?? "string";
  switch (type) {
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) {
        fail("not an object");
        return;
      }
      const record = value as Record<string, unknown>;
      // Past the depth limit objects keep only their required properties; those must be there all the same.
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (key in record) check(child, record[key], key, `${path}.${key}`, problems);
        else if (schema.required?.includes(key) || !isCut(path)) fail(`missing property ${key}`);
      }
      checkCoherence(record, path, problems);
      return;
    }
    case "array":
      if (!Array.isArray(value)) {
        fail("not an array");
        return;
      }
      if (schema.items) for (const [i, item] of value.entries()) check(schema.items, item, name, `${path}[${i}]`, problems);
      return;
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        fail(`not a ${type}`);
        return;
      }
      if (type === "integer" && !Number.isInteger(value)) fail("not an integer");
      if (DATE_NAME.test(name) && type === "integer" && (value < SECONDS.min || value > SECONDS.max)) fail("not Unix seconds in 2000-2030");
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("not a boolean");
      return;
    default: {
      if (typeof value !== "string") {
        fail("not a string");
        return;
      }
      if (schema.format === "date-time" && !(ISO_DATE_TIME.test(value) && isDate(value))) fail("format date-time does not parse");
      if (schema.format === "date" && !(ISO_DATE.test(value) && isDate(value))) fail("format date does not parse");
      if ((schema.format === "uri" || schema.format === "url") && !isUrl(value)) fail("format uri is not a URL");
      if (schema.format === "email" && !EMAIL.test(value)) fail("format email is not an email");
      if (schema.format === "uuid" && !UUID.test(value)) fail("format uuid is not a UUID");
      if (!schema.format && DATE_NAME.test(name) && !isDate(value)) fail("a date by its name, but does not parse");
      if (!schema.format && URL_NAME.test(name) && !isUrl(value)) fail("a URL by its name, but not a URL");
      if (!schema.format && /^(email|email_address|emailAddress)$/.test(name) && !EMAIL.test(value))
        fail("an email by its name, but not one");
    }
  }
}

/** Objects nested four deep (the generator's depth limit) carry only their required properties. */
function isCut(path: string): boolean {
  return (path.match(/\.|\[/g) ?? []).length >= 4;
}

const timeOf = (value: unknown): number | undefined =>
  typeof value === "string" ? Date.parse(value) : typeof value === "number" ? value * 1000 : undefined;

/** Cross-field rules: updated ≥ created; a closed_at only on a closed record, and always on one. */
function checkCoherence(record: Record<string, unknown>, path: string, problems: Problem[]): void {
  for (const [createdKey, updatedKey] of [
    ["created_at", "updated_at"],
    ["createdAt", "updatedAt"],
    ["created", "updated"],
  ] as const) {
    const created = timeOf(record[createdKey]);
    const updated = timeOf(record[updatedKey]);
    if (created !== undefined && updated !== undefined && !Number.isNaN(created) && updated < created)
      problems.push({ path: `${path}.${updatedKey}`, value: record[updatedKey], why: `earlier than ${createdKey} ${record[createdKey]}` });
  }
  for (const closedKey of ["closed_at", "closedAt"]) {
    const state = record.state;
    if (!(closedKey in record) || typeof state !== "string") continue;
    const closed = /^(closed|merged)$/i.test(state);
    if (record[closedKey] !== null && !closed)
      problems.push({ path: `${path}.${closedKey}`, value: record[closedKey], why: `set while state is ${state}` });
    const created = timeOf(record.created_at ?? record.createdAt);
    const closedAt = timeOf(record[closedKey]);
    if (created !== undefined && closedAt !== undefined && closedAt < created)
      problems.push({ path: `${path}.${closedKey}`, value: record[closedKey], why: "earlier than the creation date" });
  }
}

const entities = catalog.connectors.flatMap((connector) =>
  connector.entities.map((entity) => ({
    label: `${connector.name}.${entity.name}`,
    entity: entity.name,
    schemas: [...new Set(entity.actions.map((a) => a.record))],
  })),
);

describe("generated records follow their schemas", () => {
  it("covers every connector of the catalog", () => {
    expect(new Set(entities.map((e) => e.label.split(".")[0])).size).toBe(catalog.connectors.length);
  });

  it.each(entities)("$label: types, enums, formats, dates by name, urls and cross-field coherence", ({ entity, schemas }) => {
    const problems: Problem[] = [];
    for (const schema of schemas) {
      const style = idStyleOf(entity, schema);
      for (const index of INDEXES) {
        const record = generateRecord(schema, SEED, index, style);
        // The identity field is the identity functions' business, not the value generator's.
        const { [style.field]: _identity, ...rest } = record;
        if (typesOf(schema).includes("object")) {
          const properties = { ...schema.properties };
          delete properties[style.field];
          check({ ...schema, properties }, rest, "", `#${index}`, problems);
        } else {
          // A record whose schema is not an object (a download's body) is served as `{ value }`.
          check(schema, rest.value, "", `#${index}.value`, problems);
        }
      }
    }
    expect(problems.slice(0, 10).map((p) => `${p.path}: ${p.why} (${JSON.stringify(p.value)?.slice(0, 100)})`)).toEqual([]);
  });
});

describe("generated records read as real data", () => {
  const github = catalog.connectors.find((c) => c.name === "github");
  const schemaOf = (entity: string) => github?.entities.find((e) => e.name === entity)?.actions.find((a) => a.action === "list")?.record;

  it("GitHub issues are open or closed, closed ones (only) have a closed_at, and dates parse", () => {
    const schema = schemaOf("issues") as RecordSchema;
    const style = idStyleOf("issues", schema);
    const states = new Set<unknown>();
    for (let index = 0; index < 200; index++) {
      const issue = generateRecord(schema, SEED, index, style);
      const state = "state" in issue ? issue.state : issue.State;
      states.add(state);
      const closedAt = "closed_at" in issue ? issue.closed_at : issue.closedAt;
      if (/^closed$/i.test(String(state))) expect(typeof closedAt === "string" && isDate(closedAt)).toBe(true);
      else expect(closedAt).toBeNull();
    }
    expect([...states].map((s) => String(s).toLowerCase()).sort()).toEqual(["closed", "open"]);
  });

  it("names, emails and logins of one person agree", () => {
    const schema: RecordSchema = {
      type: "object",
      properties: { first_name: { type: "string" }, last_name: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
    };
    const person = generateRecord(schema, SEED, 3, idStyleOf("contacts", schema));
    expect(person.name).toBe(`${person.first_name} ${person.last_name}`);
    expect(String(person.email)).toMatch(new RegExp(`^${String(person.first_name).toLowerCase()}\\.`));
  });

  it("a state from the enum decides the terminal dates (Stripe subscriptions: canceled_at only when canceled)", () => {
    const schema: RecordSchema = {
      type: "object",
      properties: {
        status: { type: "string", enum: ["active", "canceled", "trialing"] },
        created: { type: "integer" },
        canceled_at: { type: ["integer", "null"] },
      },
    };
    const style = idStyleOf("subscriptions", schema);
    for (let index = 0; index < 100; index++) {
      const sub = generateRecord(schema, SEED, index, style);
      if (sub.status === "canceled") expect(sub.canceled_at as number).toBeGreaterThanOrEqual(sub.created as number);
      else expect(sub.canceled_at).toBeNull();
    }
  });
});

describe("records without a state end as a whole", () => {
  it("Shopify-style orders: cancelled_at, cancel_reason and closed_at are set together or not at all", () => {
    const schema: RecordSchema = {
      type: "object",
      properties: {
        created_at: { type: "string" },
        cancelled_at: { type: ["string", "null"] },
        cancel_reason: { type: ["string", "null"] },
        closed_at: { type: ["string", "null"] },
      },
    };
    const style = idStyleOf("orders", schema);
    let ended = 0;
    for (let index = 0; index < 100; index++) {
      const order = generateRecord(schema, SEED, index, style);
      const set = [order.cancelled_at, order.cancel_reason, order.closed_at].map((v) => v !== null);
      expect(new Set(set).size).toBe(1);
      if (set[0]) ended++;
    }
    // Some orders ended and some did not: the rule is exercised both ways.
    expect(ended).toBeGreaterThan(0);
    expect(ended).toBeLessThan(100);
  });
});

describe("generation is deterministic", () => {
  const stripe = catalog.connectors.find((c) => c.name === "stripe");
  const schema = stripe?.entities.find((e) => e.name === "customers")?.actions.find((a) => a.action === "list")?.record as RecordSchema;
  const style = idStyleOf("customers", schema);

  it("the same seed and index give the same record, whatever was generated before", () => {
    const later = generateRecord(schema, SEED, 42, style);
    for (let i = 0; i < 10; i++) generateRecord(schema, SEED, i, style);
    expect(generateRecord(schema, SEED, 42, style)).toEqual(later);
    // A copy of the schema (not the cached object) compiles to the same generator.
    expect(generateRecord(structuredClone(schema), SEED, 42, style)).toEqual(later);
  });

  it("a field's value does not depend on the other fields the schema lists (list, get and context-store schemas agree)", () => {
    const github = catalog.connectors.find((c) => c.name === "github");
    const full = github?.entities.find((e) => e.name === "issues")?.actions.find((a) => a.action === "list")?.record as RecordSchema;
    const keep = ["title", "body", "created_at", "updated_at", "user", "labels"].filter((k) => full.properties?.[k]);
    const subset: RecordSchema = { ...full, properties: Object.fromEntries(keep.map((k) => [k, full.properties?.[k] as RecordSchema])) };
    expect(keep.length).toBeGreaterThan(3);
    for (const index of [0, 5, 99]) {
      const a = generateRecord(full, SEED, index, idStyleOf("issues", full));
      const b = generateRecord(subset, SEED, index, idStyleOf("issues", subset));
      for (const key of keep) expect(b[key]).toEqual(a[key]);
    }
  });

  it("another index or another seed gives another record", () => {
    const one = generateRecord(schema, SEED, 1, style);
    expect(generateRecord(schema, SEED, 2, style)).not.toEqual(one);
    expect(generateRecord(schema, `${SEED}-other`, 1, style)).not.toEqual(one);
  });

  it("records are fresh objects: changing one does not change the next call's", () => {
    const first = generateRecord(schema, SEED, 7, style);
    const copy = structuredClone(first);
    first.name = "changed";
    expect(generateRecord(schema, SEED, 7, style)).toEqual(copy);
  });
});
