// The optional fields of a widget token request and what each must be. tokens.widget checks every request with
// this list and createWidgetTokenHandler its `defaults` once, when it is created: one list, so a field added to
// WidgetTokenInput is checked in both places by adding it here.
import { isText, oneOf } from "./values";

const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((item) => typeof item === "string");
const isMode = oneOf(["any", "all"]);

const RULES: readonly (readonly [field: string, expected: string, ok: (value: unknown) => boolean])[] = [
  ["regionId", "a non-empty string", isText],
  ["sourceTemplateTags", "an array of strings", isStrings],
  ["sourceTemplateTagsMode", '"any" or "all"', isMode],
  ["connectionTemplateTags", "an array of strings", isStrings],
  ["connectionTemplateTagsMode", '"any" or "all"', isMode],
];

/** A widget token field that breaks its rule: its name, what it must be, and the value given. */
export interface WidgetTokenFieldProblem {
  field: string;
  expected: string;
  value: unknown;
}

/**
 * The first optional widget token field of `input` that is present and breaks its rule, or undefined. Each caller
 * words the error its own way (a call's invalid input, a handler's invalid option).
 *
 * @example
 * ```ts
 * widgetTokenFieldProblem({ sourceTemplateTagsMode: "some" }); // { field: "sourceTemplateTagsMode", expected: '"any" or "all"', value: "some" }
 * ```
 */
export function widgetTokenFieldProblem(input: Record<string, unknown>): WidgetTokenFieldProblem | undefined {
  for (const [field, expected, ok] of RULES) {
    const value = input[field];
    if (value !== undefined && !ok(value)) return { field, expected, value };
  }
  return undefined;
}
