import { useAsk } from "@airbyte-agents/react";
import { type FormEvent, useId, useState } from "react";
import { ErrorMessage } from "./ErrorMessage";

/** A question about the workspace's data. It runs on the server (ask needs the application token). */
export function AskPanel() {
  const ids = useId();
  const [prompt, setPrompt] = useState("");
  const ask = useAsk();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (prompt.trim() !== "") ask.mutate(prompt.trim());
  };

  const result = ask.data;
  return (
    <section className="panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Ask a question</h2>
      <form className="ask-form" onSubmit={submit}>
        <label htmlFor={`${ids}-prompt`}>Question</label>
        <div className="row">
          <input
            id={`${ids}-prompt`}
            data-testid="ask-input"
            placeholder="e.g. List the latest GitHub issues"
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
          />
          <button type="submit" className="primary" data-testid="ask-submit" disabled={ask.isPending || prompt.trim() === ""}>
            {ask.isPending ? "Asking…" : "Ask"}
          </button>
        </div>
      </form>
      {ask.error && <ErrorMessage title="The question failed" error={ask.error} />}
      {result && (
        <div className="answer" data-testid="ask-answer" data-outcome={result.outcome} aria-live="polite">
          {result.outcome === "success" ? (
            <p>{result.answer}</p>
          ) : (
            <p className="hint">No answer: {result.outcomeReason ?? "unknown reason"}</p>
          )}
          {result.results.length > 0 && (
            <p className="hint">
              From {result.results.map((r) => `${r.entity ?? "?"}.${r.action ?? "?"}`).join(", ")}
              {result.queryId ? ` · query ${result.queryId}` : ""}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
