import * as v from "valibot";

/**
 * A string enum that stays open: it accepts the listed values and any other string, so a value that a
 * newer server adds never breaks parsing, while the type still autocompletes the known values. Anything
 * that is not a string fails, with the known values in the message. The generated response schemas use it
 * for every string `enum` of the OpenAPI document.
 *
 * @example
 * ```ts
 * const WorkspaceStatus = openEnum(["active", "inactive"]);
 * type WorkspaceStatus = v.InferOutput<typeof WorkspaceStatus>; // "active" | "inactive" | (string & {})
 * v.parse(WorkspaceStatus, "archived"); // "archived": unknown to this SDK, still a string
 * v.safeParse(WorkspaceStatus, 1).success; // false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const T extends readonly string[]>(values: T): v.GenericSchema<T[number] | (string & {})> {
  return v.custom<T[number] | (string & {})>(
    (input) => typeof input === "string",
    (issue) =>
      `Invalid type: Expected string (${values.map((value) => JSON.stringify(value)).join(" | ")} or another) but received ${issue.received}`,
  );
}
