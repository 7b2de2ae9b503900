// Response schemas by name, loaded on first need. Request specs name their schema (`schema: "TokenResponse"`)
// instead of importing it, so valibot and the schemas stay out of a bundle (and out of a cold start) until a
// strict or warn check, or a response without a `reads` list, asks for them.
import type * as v from "valibot";
import { loadChunk } from "../load-chunk";
import type * as Registry from "../schemas/registry";

type Modules = typeof Registry;

/** The name of a response schema in `schemas/registry.ts`. */
export type SchemaName = { [K in keyof Modules]: Modules[K] extends v.GenericSchema ? K : never }[keyof Modules];

/** The parsed type of a named schema; `unknown` for `null` (no body worth reading). */
export type SchemaOutput<S> = S extends SchemaName ? v.InferOutput<Modules[S]> : unknown;

type BaseReadType = "string" | "number" | "boolean" | "array" | "object" | "unknown";

/** The type a read field must have; with `?` it may also be absent or null. */
export type ReadType = BaseReadType | `${BaseReadType}?`;

/**
 * The fields a resource reads from a response and their types, as paths with `[]` for every array index:
 * `{ data: "array", "data[].id": "string", next: "string?" }`. Lenient validation checks these and nothing else.
 */
export type Reads = Readonly<Record<string, ReadType>>;

/** The registry module; the runtime keeps it once loaded, so every later call resolves at once. */
export function loadRegistry(): Promise<Modules> {
  return loadChunk("response schemas", () => import("../schemas/registry"));
}
