import { useState } from "react";
import type { Snippet } from "../teach/snippets";

/** The code an action ran, core and React form side by side, each with a copy button. */
export function CodeSample({ snippet, testId }: { snippet: Snippet; testId: string }) {
  const [copied, setCopied] = useState<"core" | "react" | null>(null);
  const copy = (form: "core" | "react") => {
    void navigator.clipboard?.writeText(snippet[form]).then(
      () => setCopied(form),
      () => setCopied(null),
    );
  };
  return (
    <details className="code-sample" open data-testid={testId}>
      <summary>Code: {snippet.title}</summary>
      {(["core", "react"] as const).map((form) => (
        <div key={form} className="code-form">
          <div className="code-head">
            <span>{form === "core" ? "@airbyte-agents/core" : "@airbyte-agents/react"}</span>
            <button type="button" onClick={() => copy(form)} data-testid={`${testId}-copy-${form}`}>
              {copied === form ? "Copied" : "Copy"}
            </button>
          </div>
          <pre>
            <code data-testid={`${testId}-${form}`}>{snippet[form]}</code>
          </pre>
        </div>
      ))}
    </details>
  );
}
