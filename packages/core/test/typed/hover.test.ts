// What an editor shows on hover, read through TypeScript's language service (the API editors use): the renamed
// shortcuts (`apiSearch`, `contextStoreSearch`) carry the spec's prose and an example, as the one-word actions do.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const FILE = `${PACKAGE_DIR}test/typed/__hover__.ts`;
const SOURCE = `import { createClient } from "../../src/index";
const ws = createClient({ clientId: "id", clientSecret: "secret" }).workspace("acme");
const stripe = ws.connector("stripe");
const github = ws.connector("github");
void stripe.customers.apiSearch({ query: "email:'ada@example.com'" });
void stripe.customers.contextStoreSearch({ limit: 5 });
void github.issues.apiSearch({ query: "repo:acme/app" });
void github.issues.contextStoreSearch({});
void stripe.customers.list({ limit: 5 });
void stripe.type;
`;

function hover(service: ts.LanguageService, marker: string): { text: string; doc: string; example: string } {
  const at = SOURCE.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} in the sample`);
  const info = service.getQuickInfoAtPosition(FILE, at + marker.length - 1);
  return {
    text: ts.displayPartsToString(info?.displayParts),
    doc: ts.displayPartsToString(info?.documentation),
    example: (info?.tags ?? [])
      .filter((t) => t.name === "example")
      .map((t) => ts.displayPartsToString(t.text))
      .join("\n"),
  };
}

function languageService(): ts.LanguageService {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    skipLibCheck: true,
    noEmit: true,
  };
  const read = (file: string) => (file === FILE ? SOURCE : ts.sys.readFile(file));
  return ts.createLanguageService({
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => {
      const text = read(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => PACKAGE_DIR,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => file === FILE || ts.sys.fileExists(file),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
}

describe("hovers of a typed handle", { timeout: 120_000 }, () => {
  const service = languageService();

  it("apiSearch: the spec's description of api_search and an example call", () => {
    const stripe = hover(service, "customers.apiSearch");
    expect(stripe.text).toContain("(property) apiSearch");
    expect(stripe.doc).toBe("Search for customers using Stripe's Search Query Language.");
    expect(stripe.example).toContain('await stripe.customers.apiSearch({ query: "<query>" })');
    const github = hover(service, "issues.apiSearch");
    expect(github.doc).toBe("Search for issues using GitHub's search syntax");
    expect(github.example).toContain("await github.issues.apiSearch({ query:");
  });

  it("contextStoreSearch: what it searches, the record's fields and an example filter", () => {
    const stripe = hover(service, "customers.contextStoreSearch");
    expect(stripe.doc).toContain("Searches the customers records Airbyte has synced to the context store (not the live Stripe API)");
    expect(stripe.doc).toContain("Fields: `account_balance`");
    expect(stripe.example).toContain(
      'await stripe.customers.contextStoreSearch({ query: { filter: { eq: { email: "<email>" } } }, limit: 10 })',
    );
    const github = hover(service, "issues.contextStoreSearch");
    expect(github.doc).toContain("(not the live GitHub API)");
    expect(github.example).toContain("github.issues.contextStoreSearch(");
  });

  it("one-word actions keep the spec's description; handle.type has its own", () => {
    expect(hover(service, "customers.list").doc).toContain("Returns a list of your customers.");
    const type = hover(service, "stripe.type");
    expect(type.text).toBe('(property) type: "stripe"');
    expect(type.example).toContain('ws.connector("stripe").type');
  });

  it("the sample itself type-checks (a hover over an error would prove little)", () => {
    const errors = service.getSemanticDiagnostics(FILE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
  });
});
