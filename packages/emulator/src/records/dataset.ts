import type { CatalogKey, RecordSchema } from "../catalog/types.js";
import type { RecordOverlay } from "../store.js";
import { cursorStyleOf, generateRecord, type IdStyle, idAt, idStyleOf, indexOfId, writeRecord, writesRecords } from "./generate.js";
import { JsonOut } from "./json-out.js";

/**
 * One connector entity's records: `count` generated ones (made on demand, never all held in memory)
 * plus the overlay of writes. Positions run over generated records first, then created ones.
 */
export interface Dataset {
  readonly idStyle: IdStyle;
  /**
   * The field a list's cursor takes besides the key (Typeform's `token`, the catalog's `cursorField`), written from
   * each record's position as its id is: a cursor of that field maps back with indexOfId.
   */
  readonly cursorStyle?: IdStyle;
  /** What generated records are seeded by: answers in other shapes derive their extra fields from it too. */
  readonly seedKey: string;
  /** The same object for every Dataset of one entity's store (its overlay of writes): caches of orders key on it. */
  readonly writes: object;
  /** Whether the record at a position was written (created or updated), so it may not fit the schema as generated ones do. */
  written(position: number): boolean;
  /** Number of positions (generated + created), deleted ones included. */
  size(): number;
  /** The live record at a position, or undefined if it was deleted. */
  at(position: number): Record<string, unknown> | undefined;
  /**
   * Whether the record at a position is a generated one no write touched and writeAt can write it as JSON without
   * building it (its schema is an object). Otherwise (deleted, updated, created) read it with `at`.
   */
  untouched(position: number): boolean;
  /**
   * Writes `JSON.stringify(at(position))` of an untouched record into `out`; false, with nothing written, when it
   * is not untouched or its schema is no object.
   */
  writeAt(position: number, out: JsonOut): boolean;
  /** writeAt's text, or undefined. */
  textAt(position: number): string | undefined;
  find(id: unknown): Record<string, unknown> | undefined;
  /** The position an id names, when it is one of this dataset's (deleted or not). */
  positionOf(id: unknown): number | undefined;
  /** The id the record at a position is stored under. */
  idAtPosition(position: number): unknown;
  create(fields: Record<string, unknown>): Record<string, unknown>;
  update(id: unknown, fields: Record<string, unknown>): Record<string, unknown> | undefined;
  remove(id: unknown): boolean;
}

/** Records at positions below this have their bytes cached (first pages); later ones are written each time. */
const CACHED_POSITIONS = 256;
/** The cache's budget over all datasets and emulator instances (records are the same for the same seed and id). */
const CACHE_BYTES = 8 << 20;
/** Record bytes by schema number, dataset key and position; a Map keeps insertion order, so the oldest go first. */
const cache = new Map<string, Uint8Array>();
let cachedBytes = 0;
const schemaNumbers = new WeakMap<RecordSchema, number>();
let nextSchemaNumber = 0;

function schemaNumber(schema: RecordSchema): number {
  let n = schemaNumbers.get(schema);
  if (n === undefined) {
    n = nextSchemaNumber++;
    schemaNumbers.set(schema, n);
  }
  return n;
}

/** The cached bytes of one untouched record, written (by `make`) on first use; the least recently used go first. */
function cachedRecord(key: string, make: () => Uint8Array | undefined): Uint8Array | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const bytes = make();
  if (!bytes) return undefined;
  cache.set(key, bytes);
  cachedBytes += bytes.length;
  for (const [oldest, old] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(oldest);
    cachedBytes -= old.length;
  }
  return bytes;
}

export function createDataset(options: {
  seedKey: string;
  entity: string;
  schema: RecordSchema;
  count: number;
  overlay: RecordOverlay;
  /** The spec's key field; `digits` when an integer parameter names a string key field. */
  key?: CatalogKey;
  digits?: boolean;
  /** Fixed-width digit ids (a key param's `^[0-9]{10}$`), so an id read back is a valid param value. */
  width?: number;
  /** The record field a list's cursor takes (the catalog's `cursorField`: Typeform's `token`). */
  cursorField?: string | undefined;
}): Dataset {
  const { seedKey, entity, schema, count, overlay } = options;
  const idStyle = idStyleOf(entity, schema, options.key, options.digits, options.width);
  const key = (id: unknown) => String(id);
  // A record keyed by another field (GitHub repositories by `name`) still has a unique `id` when it has one.
  const secondary = idStyle.field !== "id" && schema.properties?.id ? idStyleOf(entity, schema) : undefined;
  // A list whose cursor is another field of the record (Typeform's `token`) gets that field from the position too.
  const cursorField = options.cursorField;
  const cursorStyle =
    cursorField && cursorField !== idStyle.field && cursorField !== secondary?.field ? cursorStyleOf(schema, cursorField) : undefined;
  const extras: IdStyle[] = [...(secondary ? [secondary] : []), ...(cursorStyle ? [cursorStyle] : [])];
  const make = (index: number): Record<string, unknown> => {
    const record = generateRecord(schema, seedKey, index, idStyle);
    for (const style of extras) record[style.field] = idAt(style, index);
    return record;
  };

  const generated = (index: number): Record<string, unknown> | undefined => {
    const id = idAt(idStyle, index);
    if (overlay.deleted.has(key(id))) return undefined;
    const record = make(index);
    const patch = overlay.updated.get(key(id));
    return patch ? deepMerge(record, patch) : record;
  };

  const at = (position: number): Record<string, unknown> | undefined => {
    if (position < count) return generated(position);
    const created = overlay.created[position - count];
    if (!created || overlay.deleted.has(key(created[idStyle.field]))) return undefined;
    const patch = overlay.updated.get(key(created[idStyle.field]));
    return patch ? deepMerge(created, patch) : created;
  };

  const writes = writesRecords(schema, idStyle, extras);
  const untouched = (position: number): boolean => {
    if (!writes || position >= count) return false;
    const id = key(idAt(idStyle, position));
    return !overlay.deleted.has(id) && !overlay.updated.has(id);
  };
  // What a record's bytes depend on besides its position.
  const cacheKey = JSON.stringify([schemaNumber(schema), seedKey, idStyle, extras]);
  const writeAt = (position: number, out: JsonOut): boolean => {
    if (!untouched(position)) return false;
    if (position >= CACHED_POSITIONS) return writeRecord(schema, seedKey, position, idStyle, out, extras);
    // The first records of an entity are read over and over (every first page): their bytes are kept.
    const bytes = cachedRecord(`${cacheKey}#${position}`, () => {
      const start = out.length;
      if (!writeRecord(schema, seedKey, position, idStyle, out, extras)) return undefined;
      const written = out.bytes.slice(start, out.length);
      out.length = start;
      return written;
    });
    if (!bytes) return false;
    out.put(bytes);
    return true;
  };

  const find = (id: unknown): Record<string, unknown> | undefined => {
    const index = indexOfId(idStyle, id);
    if (index !== undefined && index < count + overlay.created.length) return at(index);
    // Created records that named their own key are found by it.
    const own = overlay.created.findIndex((r) => key(r[idStyle.field]) === key(id));
    return own < 0 ? undefined : at(count + own);
  };

  return {
    idStyle,
    ...(cursorStyle ? { cursorStyle } : {}),
    seedKey,
    writes: overlay,
    written: (position) => position >= count || overlay.updated.has(key(idAt(idStyle, position))),
    size: () => count + overlay.created.length,
    at,
    untouched,
    writeAt,
    textAt(position) {
      const out = new JsonOut(4096);
      return writeAt(position, out) ? out.text() : undefined;
    },
    find,
    idAtPosition: (position) => (position < count ? idAt(idStyle, position) : overlay.created[position - count]?.[idStyle.field]),
    positionOf(id) {
      const index = indexOfId(idStyle, id);
      if (index !== undefined && index < count + overlay.created.length) return index;
      const own = overlay.created.findIndex((r) => key(r[idStyle.field]) === key(id));
      return own < 0 ? undefined : count + own;
    },
    create(fields) {
      const index = count + overlay.created.length;
      // A create that names its own key (Stripe products take an `id`) keeps it; otherwise the next id.
      const own = fields[idStyle.field];
      const chosen = (typeof own === "string" || typeof own === "number") && find(own) === undefined ? own : idAt(idStyle, index);
      const record = { ...deepMerge(make(index), fields), [idStyle.field]: chosen };
      overlay.created.push(record);
      return record;
    },
    update(id, fields) {
      const current = find(id);
      if (!current) return undefined;
      const canonical = key(current[idStyle.field]);
      const patch = deepMerge(overlay.updated.get(canonical) ?? {}, fields);
      delete patch[idStyle.field];
      overlay.updated.set(canonical, patch);
      return deepMerge(current, patch);
    },
    remove(id) {
      const current = find(id);
      if (!current) return false;
      overlay.deleted.add(key(current[idStyle.field]));
      return true;
    },
  };
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** `patch` over `base`, objects merged field by field: a write of `{state: {id}}` keeps the state's other fields. */
function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const current = out[k];
    out[k] = isPlain(current) && isPlain(v) ? deepMerge(current, v) : v;
  }
  return out;
}
