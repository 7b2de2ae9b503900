import type { RecordSchema } from "../catalog/types.js";
import type { RecordOverlay } from "../store.js";
import { generateRecord, type IdStyle, idAt, idStyleOf, indexOfId } from "./generate.js";

/**
 * One connector entity's records: `count` generated ones (made on demand, never all held in memory)
 * plus the overlay of writes. Positions run over generated records first, then created ones.
 */
export interface Dataset {
  readonly idStyle: IdStyle;
  /** Number of positions (generated + created), deleted ones included. */
  size(): number;
  /** The live record at a position, or undefined if it was deleted. */
  at(position: number): Record<string, unknown> | undefined;
  find(id: unknown): Record<string, unknown> | undefined;
  create(fields: Record<string, unknown>): Record<string, unknown>;
  update(id: unknown, fields: Record<string, unknown>): Record<string, unknown> | undefined;
  remove(id: unknown): boolean;
}

export function createDataset(options: {
  seedKey: string;
  entity: string;
  schema: RecordSchema;
  count: number;
  overlay: RecordOverlay;
}): Dataset {
  const { seedKey, entity, schema, count, overlay } = options;
  const idStyle = idStyleOf(entity, schema);
  const key = (id: unknown) => String(id);

  const generated = (index: number): Record<string, unknown> | undefined => {
    const id = idAt(idStyle, index);
    if (overlay.deleted.has(key(id))) return undefined;
    const record = generateRecord(schema, seedKey, index, idStyle);
    const patch = overlay.updated.get(key(id));
    return patch ? { ...record, ...patch } : record;
  };

  const at = (position: number): Record<string, unknown> | undefined => {
    if (position < count) return generated(position);
    const created = overlay.created[position - count];
    if (!created || overlay.deleted.has(key(created[idStyle.field]))) return undefined;
    const patch = overlay.updated.get(key(created[idStyle.field]));
    return patch ? { ...created, ...patch } : created;
  };

  const find = (id: unknown): Record<string, unknown> | undefined => {
    const index = indexOfId(idStyle, id);
    if (index === undefined || index >= count + overlay.created.length) return undefined;
    return at(index);
  };

  return {
    idStyle,
    size: () => count + overlay.created.length,
    at,
    find,
    create(fields) {
      const index = count + overlay.created.length;
      const record = { ...generateRecord(schema, seedKey, index, idStyle), ...fields, [idStyle.field]: idAt(idStyle, index) };
      overlay.created.push(record);
      return record;
    },
    update(id, fields) {
      const current = find(id);
      if (!current) return undefined;
      const canonical = key(current[idStyle.field]);
      const patch = { ...(overlay.updated.get(canonical) ?? {}), ...fields };
      delete patch[idStyle.field];
      overlay.updated.set(canonical, patch);
      return { ...current, ...patch };
    },
    remove(id) {
      const current = find(id);
      if (!current) return false;
      overlay.deleted.add(key(current[idStyle.field]));
      return true;
    },
  };
}
