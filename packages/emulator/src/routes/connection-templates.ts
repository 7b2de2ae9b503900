import { Cron } from "croner";
import type { Hono } from "hono";
import { ADMIN_ROLES, requireRole } from "../auth.js";
import { bodyOf, type EmulatorContext, type Env, principalOf, requireUuid, roleOf } from "../context.js";
import { notFound, unprocessable } from "../http/errors.js";
import type { ConnectionTemplate } from "../store.js";
import { redactConfig } from "./connectors.js";
import { findDestinationDefinition } from "./definitions.js";

// ---------------------------------------------------------------------------------------------------------------
// Quartz cron: the format of `cron_expression` on connection templates ("A valid Quartz cron expression").
// Quartz has a seconds field first, an optional year field last, numbers its weekdays 1-7 from Sunday, and
// wants '?' in exactly one of day-of-month and day-of-week. croner does the checking and the scheduling once
// the expression is translated to its dialect (weekdays 0-6, '?' becomes '*', "6L" becomes "5#L").
// ---------------------------------------------------------------------------------------------------------------

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** A parsed Quartz expression: its croner pattern and, when the year field restricts anything, the allowed years. */
export type QuartzCron =
  | { valid: true; fields: string[]; pattern: string; years: ((year: number) => boolean) | null }
  | { valid: false; reason: string };

class QuartzError extends Error {}

/** Quartz weekday (1-7 from Sunday, or a name) to croner's (0-6 from Sunday, or the same name). */
function croneWeekday(value: string): string {
  if (WEEKDAY_NAMES.includes(value.toUpperCase())) return value.toUpperCase();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 7)
    throw new QuartzError(`Day-of-week values must be 1-7 (1 = Sunday) or SUN-SAT, got '${value}'`);
  return String(n - 1);
}

function translateDayOfWeek(field: string): string {
  if (field === "?" || field === "*") return "*";
  return field
    .split(",")
    .map((part) => {
      const [base = "", step] = part.split("/");
      let out: string;
      if (base === "*") out = "*";
      else if (base.toUpperCase() === "L") out = "6";
      else if (/^\w+L$/i.test(base)) out = `${croneWeekday(base.slice(0, -1))}#L`;
      else if (base.includes("#")) {
        const [day = "", nth = ""] = base.split("#");
        if (!/^[1-5]$/.test(nth)) throw new QuartzError(`The '#' occurrence must be 1-5, got '${nth}'`);
        out = `${croneWeekday(day)}#${nth}`;
      } else if (base.includes("-")) {
        const [from = "", to = ""] = base.split("-");
        out = `${croneWeekday(from)}-${croneWeekday(to)}`;
      } else out = croneWeekday(base);
      return step === undefined ? out : `${out}/${step}`;
    })
    .join(",");
}

/** The year field (1970-2099): `*`, values, ranges and steps. */
function yearPredicate(field: string | undefined): ((year: number) => boolean) | null {
  if (field === undefined || field === "*") return null;
  const checks = field.split(",").map((part) => {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part);
    if (!match) throw new QuartzError(`Invalid year field '${field}'`);
    const from = match[1] === "*" ? 1970 : Number(match[1]);
    const to = match[2] ? Number(match[2]) : match[3] || match[1] === "*" ? 2099 : from;
    const step = match[3] ? Number(match[3]) : 1;
    if (from < 1970 || to > 2099 || from > to || step < 1) throw new QuartzError(`Years must be within 1970-2099, got '${part}'`);
    return (year: number) => year >= from && year <= to && (year - from) % step === 0;
  });
  return (year) => checks.some((check) => check(year));
}

/** Parses and checks a Quartz cron expression; never throws. */
export function parseQuartzCron(expression: string): QuartzCron {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  try {
    if (fields.length < 6 || fields.length > 7) {
      throw new QuartzError(
        `A Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), got ${fields.length}`,
      );
    }
    const [seconds, minutes, hours, dayOfMonth = "", month, dayOfWeek = "", year] = fields;
    if ([seconds, minutes, hours, month, year].some((f) => f?.includes("?"))) {
      throw new QuartzError("'?' is only allowed in the day-of-month and day-of-week fields");
    }
    if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
      throw new QuartzError("Exactly one of day-of-month and day-of-week must be '?'");
    }
    if (/W|L-/i.test(dayOfMonth)) throw new QuartzError(`The emulator does not support '${dayOfMonth}' (W and L-n) in day-of-month`);
    const pattern = [seconds, minutes, hours, dayOfMonth === "?" ? "*" : dayOfMonth, month, translateDayOfWeek(dayOfWeek)].join(" ");
    const years = yearPredicate(year);
    try {
      new Cron(pattern, { paused: true, timezone: "UTC", legacyMode: false });
    } catch (error) {
      throw new QuartzError((error as Error).message.replace(/^CronPattern: /, ""));
    }
    return { valid: true, fields, pattern, years };
  } catch (error) {
    if (error instanceof QuartzError) return { valid: false, reason: error.message };
    throw error;
  }
}

/** The next `count` run times after `from` (UTC), honouring the year field. */
export function nextQuartzRuns(cron: Extract<QuartzCron, { valid: true }>, from: Date, count: number): Date[] {
  const job = new Cron(cron.pattern, { paused: true, timezone: "UTC", legacyMode: false });
  if (!cron.years) return job.nextRuns(count, from);
  const runs: Date[] = [];
  for (let year = from.getUTCFullYear(); year <= 2099 && runs.length < count; year++) {
    if (!cron.years(year)) continue;
    const start = new Date(Math.max(from.getTime(), Date.UTC(year, 0, 1) - 1));
    for (const run of job.nextRuns(count - runs.length, start)) if (run.getUTCFullYear() === year) runs.push(run);
  }
  return runs;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function describeUnit(field: string, unit: string): string {
  if (field === "*") return `every ${unit}`;
  const step = /^(\*|\d+)\/(\d+)$/.exec(field);
  if (step)
    return step[1] === "*" || step[1] === "0" ? `every ${step[2]} ${unit}s` : `every ${step[2]} ${unit}s starting at ${unit} ${step[1]}`;
  const range = /^(\d+)-(\d+)$/.exec(field);
  if (range) return `every ${unit} from ${range[1]} through ${range[2]}`;
  return field.includes(",") ? `at ${unit}s ${listWords(field.split(","))}` : `at ${unit} ${field}`;
}

function describeNamed(value: string, names: string[], words: string[], offset: number): string {
  const index = names.indexOf(value.toUpperCase());
  return index >= 0 ? (words[index] as string) : (words[Number(value) - offset] ?? value);
}

function describeDayOfWeek(field: string): string {
  const day = (v: string) => describeNamed(v, WEEKDAY_NAMES, WEEKDAYS, 1);
  const parts = field.split(",").map((part) => {
    const [base = "", step] = part.split("/");
    if (step !== undefined) {
      if (base === "*") return `every ${step} days of the week`;
      const [from = "", to] = base.split("-");
      return `every ${step} days from ${day(from)}${to === undefined ? "" : ` through ${day(to)}`}`;
    }
    if (part.toUpperCase() === "L") return "Saturday";
    if (/^\w+L$/i.test(part)) return `the last ${day(part.slice(0, -1))} of the month`;
    if (part.includes("#")) {
      const [d = "", nth = ""] = part.split("#");
      return `the ${["first", "second", "third", "fourth", "fifth"][Number(nth) - 1]} ${day(d)} of the month`;
    }
    if (part.includes("-")) {
      const [from = "", to = ""] = part.split("-");
      return `${day(from)} through ${day(to)}`;
    }
    return day(part);
  });
  return `on ${listWords(parts)}`;
}

function describeMonth(field: string): string {
  const month = (v: string) => describeNamed(v, MONTH_NAMES, MONTHS, 1);
  const step = /^(\*|\d+)\/(\d+)$/.exec(field);
  if (step) return `every ${step[2]} months`;
  return `in ${listWords(
    field
      .split(",")
      .map((part) => (part.includes("-") ? `${month(part.split("-")[0] ?? "")} through ${month(part.split("-")[1] ?? "")}` : month(part))),
  )}`;
}

/** A human-readable description of a valid Quartz expression, in UTC. */
export function describeQuartzCron(cron: Extract<QuartzCron, { valid: true }>): string {
  const [seconds = "0", minutes = "", hours = "", dayOfMonth = "", month = "", dayOfWeek = "", year] = cron.fields;
  const pad = (v: string) => v.padStart(2, "0");
  const parts: string[] = [];
  if ([seconds, minutes, hours].every((f) => /^\d+$/.test(f))) {
    parts.push(`at ${pad(hours)}:${pad(minutes)}${seconds === "0" ? "" : `:${pad(seconds)}`}`);
  } else {
    if (seconds !== "0") parts.push(describeUnit(seconds, "second"));
    if (!(seconds !== "0" && minutes === "*")) parts.push(describeUnit(minutes, "minute"));
    if (hours !== "*" || !/^(\*|\*\/\d+|0\/\d+)$/.test(minutes)) parts.push(describeUnit(hours, "hour"));
  }
  if (dayOfMonth === "L") parts.push("on the last day of the month");
  else if (/^\d+$/.test(dayOfMonth)) parts.push(`on day ${dayOfMonth} of the month`);
  else if (dayOfMonth !== "?" && dayOfMonth !== "*") parts.push(`on days ${listWords(dayOfMonth.split(","))} of the month`);
  if (dayOfWeek !== "?" && dayOfWeek !== "*") parts.push(describeDayOfWeek(dayOfWeek));
  if ((dayOfMonth === "?" || dayOfMonth === "*") && (dayOfWeek === "?" || dayOfWeek === "*") && /^\d+$/.test(hours))
    parts.push("every day");
  if (month !== "*") parts.push(describeMonth(month));
  if (year !== undefined && year !== "*") parts.push(`in ${year.includes(",") || year.includes("-") ? "years" : "year"} ${year}`);
  const text = parts.join(", ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (UTC)`;
}

// ---------------------------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------------------------

const AIRBYTE_HOSTED_DESTINATION = "Airbyte-managed S3";

/** `UserHostedConnectionTemplate` / `AirbyteHostedConnectionTemplate`, discriminated by `data_hosting_type`. */
export function connectionTemplateJson(t: ConnectionTemplate): Record<string, unknown> {
  const common = {
    id: t.id,
    organization_id: t.organization_id,
    destination_name: t.destination_name,
    icon: null,
    cron_expression: t.cron_expression,
    data_hosting_type: t.data_hosting_type,
    tags: t.tags,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
  if (t.data_hosting_type === "airbyte_hosted") return common;
  return {
    ...common,
    destination_definition_id: t.destination_definition_id,
    // Destination passwords and keys are stored, never echoed (as connector replication configs).
    destination_config: redactConfig(t.destination_config ?? {}),
    non_breaking_changes_preference: t.non_breaking_changes_preference,
    sync_on_create: t.sync_on_create,
  };
}

/** A Quartz expression a template may store; null clears the schedule; anything invalid is a 422. */
function checkedCron(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null) return null;
  const parsed = parseQuartzCron(value);
  if (!parsed.valid) throw unprocessable([{ field, message: `Invalid Quartz cron expression: ${parsed.reason}`, code: "value_error" }]);
  return parsed.fields.join(" ");
}

/** Tags are not in the create schema; the emulator accepts them there so the list's tag filter can be exercised. */
function checkedTags(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== "string")) {
    throw unprocessable([{ field: "body.tags", message: "Input should be a valid list of strings", code: "list_type" }]);
  }
  return [...new Set(value as string[])];
}

interface CreateBody {
  data_hosting_type?: "user_hosted" | "airbyte_hosted";
  destination_name?: string;
  destination_definition_id?: string;
  destination_config?: Record<string, unknown>;
  cron_expression?: string | null;
  non_breaking_changes_preference?: ConnectionTemplate["non_breaking_changes_preference"];
  sync_on_create?: boolean;
  tags?: unknown;
}

interface PatchBody {
  destination_name?: string | null;
  destination_config?: Record<string, unknown> | null;
  cron_expression?: string | null;
  non_breaking_changes_preference?: ConnectionTemplate["non_breaking_changes_preference"] | null;
  sync_on_create?: boolean | null;
}

/** Connection templates (T2): the organization's replication presets, plus the Quartz cron describer. */
export function registerConnectionTemplateRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  const owned = (organizationId: string, rawId: string): ConnectionTemplate => {
    const id = requireUuid(rawId, "path.id");
    const t = ctx.store.connectionTemplates.get(id);
    if (!t || t.deleted_at !== null || t.organization_id !== organizationId) {
      throw notFound(`Connection template ${id} not found`, "connection_template_not_found");
    }
    return t;
  };

  app.post("/api/v1/integrations/templates/connections/cron/describe", async (c) => {
    const body = bodyOf(c) as { cron_expression: string } | undefined;
    const parsed = parseQuartzCron((body as { cron_expression: string }).cron_expression);
    // An invalid expression is an answer, not an error: is_valid false and the reason.
    if (!parsed.valid) return c.json({ description: parsed.reason, is_valid: false });
    const runs = nextQuartzRuns(parsed, new Date(ctx.clock.now()), 3);
    const next =
      runs.length > 0 ? ` Next runs: ${runs.map((d) => d.toISOString().replace(".000Z", "Z")).join(", ")}.` : " It never runs again.";
    return c.json({ description: `${describeQuartzCron(parsed)}.${next}`, is_valid: true });
  });

  app.get("/api/v1/integrations/templates/connections", async (c) => {
    const principal = principalOf(c);
    const tags = c.req.queries("tags") ?? [];
    const mode = c.req.query("tags_mode") ?? "all";
    if (mode !== "all" && mode !== "any")
      throw unprocessable([{ field: "query.tags_mode", message: "Input should be 'any' or 'all'", code: "enum" }]);
    const data = [...ctx.store.connectionTemplates.values()]
      .filter((t) => t.organization_id === principal.organizationId && t.deleted_at === null)
      .filter(
        (t) => tags.length === 0 || (mode === "all" ? tags.every((tag) => t.tags.includes(tag)) : tags.some((tag) => t.tags.includes(tag))),
      )
      // Stable: templates created in the same millisecond keep their creation order.
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    return c.json({ data: data.map(connectionTemplateJson) });
  });

  app.post("/api/v1/integrations/templates/connections", async (c) => {
    const principal = principalOf(c);
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage connection templates");
    const body = bodyOf(c) as CreateBody | undefined;
    const input = body as CreateBody;
    const now = ctx.nowIso();
    const common = {
      id: ctx.nextId(),
      organization_id: principal.organizationId,
      cron_expression: checkedCron(input.cron_expression, "body.cron_expression"),
      tags: checkedTags(input.tags),
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    let template: ConnectionTemplate;
    if (input.data_hosting_type === "airbyte_hosted") {
      template = {
        ...common,
        data_hosting_type: "airbyte_hosted",
        destination_name: AIRBYTE_HOSTED_DESTINATION,
        destination_definition_id: null,
        destination_config: null,
        non_breaking_changes_preference: "ignore",
        sync_on_create: true,
      };
    } else {
      const definitionId = (input.destination_definition_id as string).toLowerCase();
      if (!findDestinationDefinition(ctx, definitionId)) {
        throw notFound(`Destination definition ${definitionId} not found`, "definition_not_found");
      }
      template = {
        ...common,
        data_hosting_type: "user_hosted",
        destination_name: input.destination_name as string,
        destination_definition_id: definitionId,
        destination_config: input.destination_config as Record<string, unknown>,
        non_breaking_changes_preference: input.non_breaking_changes_preference ?? "ignore",
        sync_on_create: input.sync_on_create ?? true,
      };
    }
    ctx.store.connectionTemplates.set(template.id, template);
    return c.json(connectionTemplateJson(template));
  });

  app.get("/api/v1/integrations/templates/connections/:id", async (c) => {
    const principal = principalOf(c);
    return c.json(connectionTemplateJson(owned(principal.organizationId, c.req.param("id"))));
  });

  app.patch("/api/v1/integrations/templates/connections/:id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("id"), "path.id");
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage connection templates");
    const t = owned(principal.organizationId, id);
    const body = bodyOf(c) as PatchBody;
    if (t.data_hosting_type === "airbyte_hosted") {
      const userHostedOnly = (["destination_config", "non_breaking_changes_preference", "sync_on_create"] as const).filter(
        (key) => body[key] !== undefined && body[key] !== null,
      );
      if (userHostedOnly.length > 0) {
        throw unprocessable(
          userHostedOnly.map((key) => ({
            field: `body.${key}`,
            message: `${key} cannot be set on an airbyte_hosted connection template`,
            code: "value_error",
          })),
        );
      }
    }
    const next = { ...t };
    if (body.destination_name != null) next.destination_name = body.destination_name;
    if (body.destination_config != null) next.destination_config = body.destination_config;
    // An explicit null clears the schedule; omitting the field keeps it.
    if (body.cron_expression !== undefined) next.cron_expression = checkedCron(body.cron_expression, "body.cron_expression");
    if (body.non_breaking_changes_preference != null) next.non_breaking_changes_preference = body.non_breaking_changes_preference;
    if (body.sync_on_create != null) next.sync_on_create = body.sync_on_create;
    next.updated_at = ctx.nowIso();
    ctx.store.connectionTemplates.set(next.id, next);
    return c.json(connectionTemplateJson(next));
  });

  app.delete("/api/v1/integrations/templates/connections/:id", async (c) => {
    const principal = principalOf(c);
    const id = requireUuid(c.req.param("id"), "path.id");
    requireRole(roleOf(ctx, principal), ADMIN_ROLES, "manage connection templates");
    const t = owned(principal.organizationId, id);
    t.deleted_at = ctx.nowIso();
    return c.json({ id: t.id, deleted_at: t.deleted_at });
  });
}
