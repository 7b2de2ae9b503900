import type { ConnectorInfo } from "@airbyte-agents/core";
import { useAsk } from "@airbyte-agents/react";
import { type FormEvent, useId, useState } from "react";
import { presetsFrom } from "../teach/presets";
import { askSnippet } from "../teach/snippets";
import { useCatalog } from "../teach/use-catalog";
import { CodeSample } from "./CodeSample";
import { ErrorMessage } from "./ErrorMessage";

/** A sample question naming the selected connector and its first preset's entity, so that connector answers it. */
function sampleQuestion(displayName: string | undefined, entity: string | undefined): string | undefined {
  return displayName && entity ? `List the ${displayName} ${entity.replaceAll("_", " ")}` : undefined;
}

/** A question about the workspace's data. It runs on the server (ask needs the application token). */
export function AskPanel({ connectors, selected }: { connectors: ConnectorInfo[]; selected: ConnectorInfo | undefined }) {
  const ids = useId();
  const [prompt, setPrompt] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const ask = useAsk();
  const catalog = useCatalog(selected);
  const sample = sampleQuestion(
    catalog.data?.displayName ?? selected?.connectorType,
    catalog.data ? presetsFrom(catalog.data)[0]?.entity : undefined,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const question = prompt.trim();
    if (question === "") return;
    setAsked(question);
    ask.mutate(question);
  };

  const result = ask.data;
  const answeredBy = [...new Set(result?.results.map((r) => connectors.find((c) => c.id === r.connectorId)?.name ?? r.connectorId) ?? [])];
  return (
    <section className="panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Ask a question</h2>
      <form className="ask-form" onSubmit={submit}>
        <label htmlFor={`${ids}-prompt`}>Question</label>
        <div className="row">
          <input
            id={`${ids}-prompt`}
            data-testid="ask-input"
            placeholder={sample ? `e.g. ${sample}` : "Connect a source, then ask about its data"}
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
          />
          <button type="submit" className="primary" data-testid="ask-submit" disabled={ask.isPending || prompt.trim() === ""}>
            {ask.isPending ? "Asking…" : "Ask"}
          </button>
        </div>
        {sample && (
          <p className="hint">
            Try{" "}
            <button type="button" className="link" data-testid="ask-sample" onClick={() => setPrompt(sample)}>
              {sample}
            </button>{" "}
            (answered from {selected?.name}).
          </p>
        )}
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
            <p className="hint" data-testid="ask-sources">
              Answered by <span data-testid="ask-connectors">{answeredBy.join(", ")}</span> from{" "}
              {result.results.map((r) => `${r.entity ?? "?"}.${r.action ?? "?"}`).join(", ")}
              {result.queryId ? ` · query ${result.queryId}` : ""}
            </p>
          )}
        </div>
      )}
      {asked && <CodeSample snippet={askSnippet(asked)} testId="code-ask" />}
    </section>
  );
}
