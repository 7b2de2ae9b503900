// Notion's typed properties, one fixed set for every generated page and data source: a data source's `properties`
// is the schema (`{Name: {id, name, type: "title", title: {}}, Priority: {type: "select", select: {options}}}`) and
// each page's `properties` holds values of it (`{Name: {id, type: "title", title: [rich text]}, Priority: {id,
// type: "select", select: {id, name, color}}}`), so a page's options are always ones its data source lists.
import type { Stream } from "../random.js";
import { isoText } from "./iso-time.js";
import { DAY, type Scope } from "./scope.js";
import { COMPANIES, SENTENCES, TITLES } from "./vocabulary.js";

interface NotionOption {
  id: string;
  name: string;
  color: string;
}

const option = (id: string, name: string, color: string): NotionOption => ({ id, name, color });

const STATUS_OPTIONS = [
  option("s-not", "Not started", "default"),
  option("s-prog", "In progress", "blue"),
  option("s-done", "Done", "green"),
];
const PRIORITY_OPTIONS = [option("p-high", "High", "red"), option("p-med", "Medium", "yellow"), option("p-low", "Low", "gray")];
const TAG_OPTIONS = [
  option("t-bug", "Bug", "red"),
  option("t-feat", "Feature", "purple"),
  option("t-docs", "Docs", "brown"),
  option("t-design", "Design", "pink"),
];

/** A Notion rich text array of one plain text run. */
function richText(content: string): unknown[] {
  return [
    {
      type: "text",
      text: { content, link: null },
      annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
      plain_text: content,
      href: null,
    },
  ];
}

const pick = <T>(r: Stream, list: readonly T[]): T => list[r.below(list.length)] as T;

/** A page's property values. Every page has a title; the others are drawn, some left empty as Notion leaves them. */
export function notionPageProperties(r: Stream, s: Scope): Record<string, unknown> {
  const title = `${pick(r, TITLES)} (${pick(r, COMPANIES)})`;
  const tags = TAG_OPTIONS.filter(() => r.next() < 0.35);
  const due = s.created + (1 + r.below(30)) * DAY;
  const hasDue = r.next() < 0.8;
  const estimate = 1 + r.below(13);
  return {
    Name: { id: "title", type: "title", title: richText(title) },
    Status: { id: "stat", type: "status", status: pick(r, STATUS_OPTIONS) },
    Priority: { id: "prio", type: "select", select: pick(r, PRIORITY_OPTIONS) },
    Tags: { id: "tags", type: "multi_select", multi_select: tags },
    Due: { id: "due", type: "date", date: hasDue ? { start: isoText(due).slice(0, 10), end: null, time_zone: null } : null },
    Estimate: { id: "est", type: "number", number: estimate },
    Done: { id: "done", type: "checkbox", checkbox: r.next() < 0.3 },
    Notes: { id: "note", type: "rich_text", rich_text: r.next() < 0.6 ? richText(pick(r, SENTENCES)) : [] },
    Link: { id: "link", type: "url", url: r.next() < 0.5 ? `https://example.com/docs/${s.index + 1}` : null },
    Contact: { id: "mail", type: "email", email: r.next() < 0.5 ? `contact${s.index + 1}@example.com` : null },
    Owner: {
      id: "ownr",
      type: "people",
      people: [{ object: "user", id: `00000000-0000-4000-8000-${(1 + (s.person % 20)).toString(16).padStart(12, "0")}` }],
    },
  };
}

const schemaEntry = (id: string, name: string, type: string, config: unknown = {}) => ({ id, name, type, [type]: config });

/** The properties schema of every generated data source (and database): the same properties the pages carry. */
const DATA_SOURCE_PROPERTIES = {
  Name: schemaEntry("title", "Name", "title"),
  Status: schemaEntry("stat", "Status", "status", {
    options: STATUS_OPTIONS,
    groups: [
      { id: "g-todo", name: "To-do", color: "gray", option_ids: ["s-not"] },
      { id: "g-prog", name: "In progress", color: "blue", option_ids: ["s-prog"] },
      { id: "g-done", name: "Complete", color: "green", option_ids: ["s-done"] },
    ],
  }),
  Priority: schemaEntry("prio", "Priority", "select", { options: PRIORITY_OPTIONS }),
  Tags: schemaEntry("tags", "Tags", "multi_select", { options: TAG_OPTIONS }),
  Due: schemaEntry("due", "Due", "date"),
  Estimate: schemaEntry("est", "Estimate", "number", { format: "number" }),
  Done: schemaEntry("done", "Done", "checkbox"),
  Notes: schemaEntry("note", "Notes", "rich_text"),
  Link: schemaEntry("link", "Link", "url"),
  Contact: schemaEntry("mail", "Contact", "email"),
  Owner: schemaEntry("ownr", "Owner", "people"),
};

/** A data source's properties schema: a fresh copy, so a caller changing one record's cannot change the others'. */
export function notionDataSourceProperties(): Record<string, unknown> {
  return structuredClone(DATA_SOURCE_PROPERTIES);
}
