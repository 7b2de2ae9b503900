import { describe, expect, it } from "vitest";
import { catalog } from "../src/catalog/catalog.js";
import type { RecordSchema } from "../src/catalog/types.js";
import { viewOf } from "../src/execute/entity.js";
import { createDataset } from "../src/records/dataset.js";
import { generateRecord, generateRecordText, idAt, idStyleOf } from "../src/records/generate.js";
import { JsonOut } from "../src/records/json-out.js";
import { type Overrides, writeAt } from "../src/records/values.js";

function textAt(schema: RecordSchema, seedKey: string, index: number, overrides: Overrides): string | undefined {
  const out = new JsonOut(16);
  return writeAt(schema, seedKey, index, overrides, out) ? out.text() : undefined;
}

// A page of records is written as JSON without building the records (values.ts's write form): those bytes must be
// JSON.stringify of the record the value form builds, byte for byte, for every schema of every connector.

const INDEXES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 57, 999, 99_999];

function schemasOf(): { where: string; entity: string; schema: RecordSchema }[] {
  const out: { where: string; entity: string; schema: RecordSchema }[] = [];
  for (const connector of catalog.connectors)
    for (const entity of connector.entities) {
      out.push({ where: `${connector.name} ${entity.name} (stored)`, entity: entity.name, schema: viewOf(entity).record });
      if (entity.contextStore)
        out.push({ where: `${connector.name} ${entity.name} (context store)`, entity: entity.name, schema: entity.contextStore });
      for (const action of entity.actions) {
        out.push({ where: `${connector.name} ${entity.name}.${action.action}`, entity: entity.name, schema: action.record });
        if (action.response)
          out.push({ where: `${connector.name} ${entity.name}.${action.action} (response)`, entity: entity.name, schema: action.response });
      }
    }
  return out;
}

describe("record text: JSON.stringify of the generated record, without building it", () => {
  it("matches for every schema of every connector", () => {
    let compared = 0;
    for (const { where, entity, schema } of schemasOf()) {
      const style = idStyleOf(entity, schema);
      for (const index of INDEXES) {
        const text = generateRecordText(schema, "text-test", index, style);
        const record = generateRecord(schema, "text-test", index, style);
        if (text === undefined) {
          // Only a schema whose value is no object falls back to the value form.
          expect(typeof schema.type === "string" && schema.type === "object", where).toBe(false);
          continue;
        }
        expect(text, `${where} #${index}`).toBe(JSON.stringify(record));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40_000);
  });

  it("puts overrides where assignment would: in place, appended, or array-index keys first (then no text)", () => {
    const schema: RecordSchema = { type: "object", properties: { b: { type: "string" }, 7: { type: "integer" }, a: { type: "string" } } };
    const record = () => generateRecord(schema, "s", 3, { field: "a", integer: false, prefix: "x_" }) as Record<string, unknown>;
    expect(textAt(schema, "s", 3, { keys: ["a"], values: [idAt({ field: "a", integer: false, prefix: "x_" }, 3)] })).toBe(
      JSON.stringify(record()),
    );
    const appended = { ...record(), zz: 5, yy: null };
    expect(textAt(schema, "s", 3, { keys: ["a", "zz", "yy"], values: ["x_4", 5, null] })).toBe(JSON.stringify(appended));
    expect(textAt(schema, "s", 3, { keys: ["12"], values: [1] })).toBeUndefined();
    expect(textAt({ type: "object" }, "s", 3, { keys: ["id"], values: [4] })).toBe('{"id":4}');
    expect(
      textAt({ type: ["object", "null"], properties: { a: { type: "string" } } }, "s", 3, { keys: ["id"], values: [4] }),
    ).toBeUndefined();
  });

  it("gives each dataset's untouched records as text, and nothing for written or deleted ones", () => {
    for (const connector of catalog.connectors)
      for (const entity of connector.entities) {
        const view = viewOf(entity);
        const overlay = { created: [], updated: new Map(), deleted: new Set<string>() };
        const dataset = createDataset({
          seedKey: `t:${connector.name}:${entity.name}`,
          entity: entity.name,
          schema: view.record,
          count: 6,
          overlay,
          ...(entity.key ? { key: entity.key } : {}),
          digits: view.digits,
        });
        for (let p = 0; p < 6; p++) {
          const text = dataset.textAt(p);
          if (text !== undefined) expect(text, `${connector.name} ${entity.name} ${p}`).toBe(JSON.stringify(dataset.at(p)));
          // The second read comes from the cache of first records' bytes: the same bytes.
          expect(dataset.textAt(p)).toBe(text);
        }
        dataset.update(dataset.idAtPosition(1), { touched: true });
        dataset.remove(dataset.idAtPosition(2));
        dataset.create({});
        expect(dataset.textAt(1)).toBeUndefined();
        expect(dataset.textAt(2)).toBeUndefined();
        expect(dataset.textAt(6)).toBeUndefined();
      }
  });
});
