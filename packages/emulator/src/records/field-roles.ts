// What a field means, read from its name, type and format, and from its siblings. The compact schemas rarely carry
// formats or enums (GitHub's issue `state` and `closed_at` are plain strings), so the name is most of what we know.

/** What the other fields of an object say about it; decided once per object schema. */
export interface ObjectContext {
  /** The field that holds this object (`user`, `billing_address`), "" for the record itself. */
  owner: string;
  /** camelCase keys: a GraphQL-style API, whose enums read in UPPER_CASE (GitHub `state: OPEN`). */
  camel: boolean;
  /** Siblings that name a person (email, first_name, login...): `name` is a person's name there. */
  person: boolean;
  /** Siblings that make an address (city, postal_code, line1...): `state` is a region there, not a status. */
  address: boolean;
  /** Stripe objects carry `object` and `livemode`; their currencies are lower-case and their times Unix seconds. */
  stripe: boolean;
  /** Values for a `state`/`status` with no enum, from its siblings (open/closed when a `closed_at` is next to it). */
  lifecycle: readonly string[];
  /** Messages addressed by phone (Twilio: `from`/`to` beside an `account_sid`), not by email. */
  phoneAddressed: boolean;
  /** The object is a state or status (Linear `state`, Jira `status`): its `name` is a workflow step. */
  workflow: boolean;
}

/** When a date lies relative to its record: creation, last update, a terminal event, or the future. */
export type DateRole = "created" | "updated" | "terminal" | "future" | "start" | "birth" | "past";

export type Role =
  | { kind: "date"; when: DateRole }
  | { kind: "state"; values: readonly string[] }
  | { kind: "stateReason" }
  | {
      kind:
        | "email"
        | "url"
        | "uuid"
        | "id"
        | "gid"
        | "sid"
        | "nodeId"
        | "hex"
        | "firstName"
        | "lastName"
        | "personName"
        | "thingName"
        | "login"
        | "company"
        | "jobTitle"
        | "title"
        | "text"
        | "html"
        | "phone"
        | "city"
        | "region"
        | "country"
        | "countryName"
        | "postalCode"
        | "street"
        | "street2"
        | "currency"
        | "timezone"
        | "language"
        | "color"
        | "ip"
        | "domain"
        | "path"
        | "mimeType"
        | "secret"
        | "token"
        | "version"
        | "sku"
        | "slug"
        | "kind"
        | "priority"
        | "moneyString"
        | "numberString"
        | "key"
        | "direction"
        | "countString"
        | "code"
        | "workflowStep"
        | "word";
    }
  | {
      kind:
        | "count"
        | "money"
        | "percent"
        | "ratio"
        | "sequence"
        | "intId"
        | "bytes"
        | "pixels"
        | "position"
        | "duration"
        | "year"
        | "month"
        | "day"
        | "hour"
        | "minute"
        | "latitude"
        | "longitude"
        | "version"
        | "priority"
        | "number";
    }
  | { kind: "boolean"; truth: number };

/** `createdAt` → [created, at]; `Created_Time` → [created, time]; `HTMLUrl` → [html, url]. */
export function tokensOf(name: string): string[] {
  return (
    name
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      // The last capital of a run that starts a word (`HTMLUrl`: the `L`), by lookahead: `([A-Z]+)([A-Z][a-z])`
      // says the same but backtracks quadratically over a long run of capitals.
      .replace(/([A-Z])(?=[A-Z][a-z])/g, "$1 ")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  );
}

const has = (tokens: readonly string[], ...words: string[]) => tokens.some((t) => words.includes(t));

const DATE_LAST = new Set([
  "at",
  "on",
  "time",
  "timestamp",
  "datetime",
  "date",
  "ts",
  "created",
  "updated",
  "modified",
  "edited",
  "deleted",
  "started",
  "ended",
  "due",
  "expires",
  "expiry",
  "expiration",
  "until",
  "since",
  "birthday",
  "birthdate",
  "dob",
  "gmt",
]);
const TERMINAL = [
  "closed",
  "canceled",
  "cancelled",
  "ended",
  "resolved",
  "solved",
  "completed",
  "finished",
  "done",
  "merged",
  "archived",
  "deleted",
  "removed",
  "voided",
  "paid",
  "expired",
  "declined",
  "rejected",
];

/** The role of a date-like field, or undefined when the name does not read as a date. */
export function dateRoleOf(tokens: readonly string[], type: string, context: ObjectContext): DateRole | undefined {
  const last = tokens[tokens.length - 1] ?? "";
  const joined = tokens.join("_");
  const periodic = has(tokens, "period", "trial") || context.stripe;
  const dateLike =
    DATE_LAST.has(last) ||
    /.(date|time)$/.test(last) ||
    (type !== "string" && periodic && (last === "start" || last === "end" || last === "anchor")) ||
    (type !== "string" && (last === "start" || last === "end") && has(tokens, "period", "trial")) ||
    (type === "string" && (last === "start" || last === "end"));
  if (!dateLike) return undefined;
  if (has(tokens, "birthday", "birthdate", "dob", "birth")) return "birth";
  if (/creat|insert/.test(joined)) return "created";
  if (/updat|modif|edited|changed/.test(joined)) return "updated";
  if (has(tokens, ...TERMINAL) && !has(tokens, "next", "scheduled")) return "terminal";
  if (has(tokens, "due", "expires", "expiry", "expiration", "next", "until", "renew", "renewal", "deadline", "end", "resumes", "cancel"))
    return "future";
  if (has(tokens, "start", "started", "begin", "begins", "since")) return "start";
  return "past";
}

/** Which values of the record's main state make a terminal date (closed_at, canceled_at...) present. */
export function terminalStatesOf(tokens: readonly string[], lifecycle: readonly string[] = []): ReadonlySet<string> {
  const words = new Set<string>();
  const add = (...w: string[]) => {
    for (const x of w) words.add(x);
  };
  if (has(tokens, "closed")) add("closed", "merged", "solved", "resolved", "done", "completed", "complete");
  // GitHub's REST pulls are only open or closed: there a merged_at sits on (some of) the closed ones.
  if (has(tokens, "merged")) add(...(lifecycle.includes("closed") && !lifecycle.includes("merged") ? ["merged", "closed"] : ["merged"]));
  if (has(tokens, "canceled", "cancelled")) add("canceled", "cancelled");
  if (has(tokens, "ended")) add("ended", "canceled", "cancelled", "expired", "incomplete_expired", "completed", "complete");
  if (has(tokens, "resolved", "solved")) add("resolved", "solved", "closed");
  if (has(tokens, "completed", "finished", "done")) add("completed", "complete", "finished", "done", "closed");
  if (has(tokens, "archived")) add("archived");
  if (has(tokens, "deleted", "removed")) add("deleted", "removed");
  if (has(tokens, "voided")) add("void", "voided");
  if (has(tokens, "paid")) add("paid");
  if (has(tokens, "expired")) add("expired", "incomplete_expired");
  if (has(tokens, "declined", "rejected")) add("declined", "rejected");
  return words;
}

/** State words per qualifier (`payment_status`, `fulfillment_status`...), used when the schema gives no enum. */
const STATE_VALUES: Record<string, readonly string[]> = {
  payment: ["paid", "paid", "unpaid", "pending"],
  financial: ["paid", "paid", "pending", "refunded", "authorized"],
  fulfillment: ["fulfilled", "fulfilled", "unfulfilled", "partial"],
  approval: ["approved", "approved", "pending", "rejected"],
  review: ["approved", "approved", "pending_review", "rejected"],
  delivery: ["delivered", "delivered", "pending", "failed"],
  merge: ["can_be_merged", "can_be_merged", "cannot_be_merged", "checking"],
  health: ["on_track", "on_track", "needs_attention", "at_risk"],
  import: ["finished", "finished", "started", "none"],
  webhook: ["succeeded", "succeeded", "scheduled", "failed"],
  consent: ["subscribed", "subscribed", "not_subscribed", "unsubscribed"],
  marketing: ["subscribed", "subscribed", "not_subscribed", "unsubscribed"],
  membership: ["active", "active", "awaiting"],
  processing: ["done", "done", "in_progress", "in_queue"],
  transaction: ["succeeded", "succeeded", "pending", "failed"],
  operation: ["enable", "enable", "disable"],
  effective: ["active", "active", "paused", "archived"],
  configured: ["active", "active", "paused", "archived"],
};

/** Plausible values of an object's main `state`/`status`, from its siblings, when the schema gives no enum. */
export function lifecycleOf(keys: readonly string[]): readonly string[] {
  const tokens = new Set(keys.flatMap(tokensOf));
  // GitHub REST (node_id) has no merged state, GitLab and GitHub's GraphQL do.
  if (tokens.has("merged")) return keys.includes("node_id") ? ["open", "closed", "closed"] : ["open", "open", "closed", "merged"];
  if (tokens.has("closed") || tokens.has("resolved") || tokens.has("solved")) return ["open", "open", "closed"];
  if (tokens.has("requester") || tokens.has("priority")) return ["open", "pending", "solved", "closed"];
  if (tokens.has("direction")) return ["delivered", "delivered", "sent", "queued", "failed"];
  if (tokens.has("paid") || tokens.has("invoice") || tokens.has("amount")) return ["succeeded", "succeeded", "pending", "failed"];
  if (tokens.has("budget") || tokens.has("objective") || tokens.has("bid")) return ["active", "active", "paused", "archived"];
  if (tokens.has("canceled") || tokens.has("cancelled") || tokens.has("trial")) return ["active", "active", "trialing", "canceled"];
  return ["active", "active", "active", "inactive", "archived"];
}

const PERSON_KEYS =
  /^(email|email_?address|first_?name|last_?name|given_?name|family_?name|login|username|avatar(_?url)?|phone|full_?name)$/i;
const ADDRESS_KEYS = /^(city|postal_?code|zip(_?code)?|postcode|line1|line2|address1|address2|street|country(_?code)?)$/i;

export function contextOf(owner: string, keys: readonly string[]): ObjectContext {
  const camelCount = keys.filter((k) => /[a-z][A-Z]/.test(k) && !k.includes("_")).length;
  const snakeCount = keys.filter((k) => k.includes("_")).length;
  return {
    owner,
    camel: camelCount > 0 && camelCount >= snakeCount,
    person: keys.some((k) => PERSON_KEYS.test(k)),
    address: keys.filter((k) => ADDRESS_KEYS.test(k)).length >= 2,
    stripe: keys.includes("livemode") || (keys.includes("object") && keys.includes("created")),
    lifecycle: lifecycleOf(keys),
    phoneAddressed: keys.some((k) => /(^|_)sid$/.test(k)) && keys.some((k) => k === "to" || k === "from"),
    workflow: /(^|_)(state|status)$/i.test(owner),
  };
}

/** Is this field the object's main state, whose value decides which terminal dates exist? */
export function isMainState(name: string): boolean {
  return /^(state|status)$/i.test(name);
}

/** The role of a string field without an enum. */
export function stringRole(name: string, format: string | undefined, context: ObjectContext): Role {
  const tokens = tokensOf(name);
  const last = tokens[tokens.length - 1] ?? "";
  const first = tokens[0] ?? "";
  if (format === "date-time") return { kind: "date", when: dateRoleOf(tokens, "string", context) ?? "past" };
  if (format === "date") return { kind: "date", when: dateRoleOf(tokens, "string", context) ?? "past" };
  if (format === "email") return { kind: "email" };
  if (format === "uri" || format === "url" || format === "uri-reference") return { kind: "url" };
  if (format === "uuid") return { kind: "uuid" };
  if (last === "state" || last === "status") {
    if (context.address && last === "state") return { kind: "region" };
    if (tokens.length === 1) return { kind: "state", values: context.lifecycle };
    const qualifier = tokens.find((t) => STATE_VALUES[t]);
    return { kind: "state", values: qualifier ? (STATE_VALUES[qualifier] as readonly string[]) : ["active", "active", "inactive"] };
  }
  if (/^(state|stop|close[d]?|cancel|cancellation)_reason$/.test(tokens.join("_"))) return { kind: "stateReason" };
  if (has(tokens, "timezone", "tz") || (last === "zone" && has(tokens, "time"))) return { kind: "timezone" };
  if (last === "direction") return { kind: "direction" };
  if (context.workflow && (name === "name" || name === "type")) return { kind: "workflowStep" };
  const when = dateRoleOf(tokens, "string", context);
  if (when) return { kind: "date", when };
  if (has(tokens, "email", "emails")) return { kind: "email" };
  if (
    has(
      tokens,
      "url",
      "uri",
      "link",
      "href",
      "website",
      "permalink",
      "homepage",
      "src",
      "avatar",
      "photo",
      "picture",
      "icon",
      "logo",
      "thumbnail",
      "image",
    ) ||
    name === "self"
  )
    return { kind: "url" };
  // Addressees after links (recipient_view_url is a URL) and before ids (a `from` is an address, not a reference).
  if (has(tokens, "recipient", "sender", "from", "to", "cc", "bcc", "reply") && !has(tokens, "id", "ids", "name"))
    return { kind: context.phoneAddressed ? "phone" : "email" };
  if (has(tokens, "uuid", "guid")) return { kind: "uuid" };
  if (last === "gid") return { kind: "gid" };
  if (last === "sid") return { kind: "sid" };
  if (first === "node" && last === "id") return { kind: "nodeId" };
  if (last === "id" || last === "ids" || name === "Id") return { kind: "id" };
  if (has(tokens, "sha", "hash", "checksum", "etag", "fingerprint", "oid", "commit")) return { kind: "hex" };
  if (has(tokens, "phone", "mobile", "fax")) return { kind: "phone" };
  if (/^(first_?name|given_?name|firstname)$/i.test(name)) return { kind: "firstName" };
  if (/^(last_?name|family_?name|surname|lastname)$/i.test(name)) return { kind: "lastName" };
  if (has(tokens, "login", "username", "handle", "screen") && !has(tokens, "url")) return { kind: "login" };
  if (has(tokens, "company", "organization", "org", "employer", "business")) return { kind: "company" };
  if (context.person && (last === "title" || has(tokens, "jobtitle"))) return { kind: "jobTitle" };
  if (name === "name" || last === "name" || name === "Name") {
    if (has(tokens, "file", "filename")) return { kind: "path" };
    if (has(tokens, "country")) return { kind: "countryName" };
    if (has(tokens, "company", "account", "business")) return { kind: "company" };
    const personal = context.person || has(tokens, "full", "display", "user", "author", "contact", "customer", "agent", "sender");
    return { kind: personal ? "personName" : "thingName" };
  }
  if (has(tokens, "title", "subject", "summary", "headline", "caption", "topic")) return { kind: "title" };
  if (has(tokens, "html")) return { kind: "html" };
  if (has(tokens, "body", "description", "text", "content", "message", "comment", "comments", "note", "notes", "snippet", "bio", "memo"))
    return { kind: "text" };
  if (has(tokens, "city", "town", "locality")) return { kind: "city" };
  if (has(tokens, "province", "region") && context.address) return { kind: "region" };
  if (has(tokens, "region")) return { kind: "region" };
  if (has(tokens, "country") && has(tokens, "name")) return { kind: "countryName" };
  if (has(tokens, "country")) return { kind: "country" };
  if (has(tokens, "zip", "zipcode", "postcode", "postal")) return { kind: "postalCode" };
  if (last === "line1" || last === "address1" || last === "street" || name === "address" || last === "line") return { kind: "street" };
  if (last === "line2" || last === "address2") return { kind: "street2" };
  if (has(tokens, "currency") || (last === "unit" && has(tokens, "price"))) return { kind: "currency" };
  if (has(tokens, "language", "locale", "lang")) return { kind: "language" };
  if (has(tokens, "color", "colour")) return { kind: "color" };
  if (has(tokens, "ip")) return { kind: "ip" };
  if (has(tokens, "domain", "host", "hostname")) return { kind: "domain" };
  if (has(tokens, "path", "filename", "file")) return { kind: "path" };
  if (has(tokens, "mime", "mimetype") || (last === "type" && has(tokens, "content", "media"))) return { kind: "mimeType" };
  if (has(tokens, "secret", "password", "apikey")) return { kind: "secret" };
  if (has(tokens, "token")) return { kind: "token" };
  if (has(tokens, "version")) return { kind: "version" };
  if (has(tokens, "sku")) return { kind: "sku" };
  if (has(tokens, "slug")) return { kind: "slug" };
  if (has(tokens, "priority", "severity", "urgency")) return { kind: "priority" };
  if (has(tokens, "type", "kind", "object", "category")) return { kind: "kind" };
  if (has(tokens, "amount", "price", "total", "subtotal", "tax", "cost", "balance", "fee", "revenue", "spend", "budget"))
    return { kind: "moneyString" };
  if (has(tokens, "count", "quantity", "num")) return { kind: "countString" };
  if (has(tokens, "number")) return { kind: "numberString" };
  if (last === "key") return { kind: "key" };
  if (last === "code") return { kind: "code" };
  return { kind: "word" };
}

/** The role of an integer or number field without an enum. */
export function numberRole(name: string, integer: boolean, context: ObjectContext): Role {
  const tokens = tokensOf(name);
  const last = tokens[tokens.length - 1] ?? "";
  if (has(tokens, "seconds", "secs", "minutes", "ms", "millis", "milliseconds", "duration", "elapsed")) return { kind: "duration" };
  const when = dateRoleOf(tokens, integer ? "integer" : "number", context);
  if (when) return { kind: "date", when };
  if (name === "number" || name === "iid" || last === "seq" || last === "sequence") return { kind: "sequence" };
  if (last === "id" || last === "ids" || name === "Id") return { kind: "intId" };
  if (last === "state" || last === "status") return { kind: "priority" };
  if (has(tokens, "latitude", "lat")) return { kind: "latitude" };
  if (has(tokens, "longitude", "lng", "lon")) return { kind: "longitude" };
  if (has(tokens, "year")) return { kind: "year" };
  if (has(tokens, "month")) return { kind: "month" };
  if (has(tokens, "day")) return { kind: "day" };
  if (has(tokens, "hour")) return { kind: "hour" };
  if (has(tokens, "minute", "second")) return { kind: "minute" };
  if (has(tokens, "percent", "percentage", "pct")) return { kind: "percent" };
  if (has(tokens, "rate", "ratio", "ctr", "probability", "share", "confidence")) return { kind: "ratio" };
  if (has(tokens, "amount", "price", "cost", "fee", "balance", "revenue", "spend", "budget", "tax", "subtotal", "paid", "due", "refunded"))
    return { kind: "money" };
  if (has(tokens, "size", "bytes") && !has(tokens, "page")) return { kind: "bytes" };
  if (has(tokens, "width", "height")) return { kind: "pixels" };
  if (has(tokens, "position", "rank", "order", "orderindex", "index", "sort")) return { kind: "position" };
  if (has(tokens, "version")) return { kind: "version" };
  if (has(tokens, "priority", "severity", "level")) return { kind: "priority" };
  if (has(tokens, "score", "rating")) return { kind: "percent" };
  if (
    has(
      tokens,
      "count",
      "total",
      "quantity",
      "num",
      "number",
      "comments",
      "followers",
      "opens",
      "clicks",
      "impressions",
      "members",
      "views",
    ) ||
    /s$/.test(last)
  )
    return { kind: "count" };
  return { kind: integer ? "count" : "number" };
}

/** How often a boolean field is true: `deleted`, `livemode`, `archived` rarely; `active`, `enabled` mostly. */
export function booleanRole(name: string): Role {
  const tokens = tokensOf(name);
  if (has(tokens, "deleted", "livemode", "archived", "locked", "test", "hidden", "spam", "blocked", "disabled", "suspended", "deactivated"))
    return { kind: "boolean", truth: 0.08 };
  if (has(tokens, "active", "enabled", "success", "verified", "visible", "confirmed", "valid", "available"))
    return { kind: "boolean", truth: 0.9 };
  return { kind: "boolean", truth: 0.5 };
}
