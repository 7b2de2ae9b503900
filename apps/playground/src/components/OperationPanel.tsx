import type { ConnectorInfo } from "@airbyte-agents/core";
import { type FormEvent, useEffect, useId, useState } from "react";
import { parseParams } from "../operations";
import { executeSnippet } from "../teach/snippets";
import { usePresets } from "../teach/use-catalog";
import { CodeSample } from "./CodeSample";
import { type Operation, Results } from "./Results";

interface Props {
  connectors: ConnectorInfo[];
  selected: ConnectorInfo | undefined;
  onSelect: (connector: ConnectorInfo) => void;
}

/** Pick a connector, an entity and an action, then run it page by page. */
export function OperationPanel({ connectors, selected, onSelect }: Props) {
  const ids = useId();
  const { presets, ready } = usePresets(selected);
  const [entity, setEntity] = useState("");
  const [action, setAction] = useState("list");
  const [paramsText, setParamsText] = useState("{}");
  const [problem, setProblem] = useState<string | null>(null);
  const [operation, setOperation] = useState<Operation | null>(null);
  const [runs, setRuns] = useState(0);

  // A new connector starts from its first suggestion, once its catalog and settings are in.
  const selectedId = selected?.id;
  const first = presets[0];
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the connector changes
  useEffect(() => {
    setEntity(first?.entity ?? "");
    setParamsText(JSON.stringify(first?.params ?? {}, null, 2));
    setAction("list");
    setProblem(null);
  }, [selectedId, ready]);

  const pickEntity = (value: string) => {
    setEntity(value);
    const preset = presets.find((p) => p.entity === value);
    if (preset) setParamsText(JSON.stringify(preset.params, null, 2));
  };

  const run = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    const parsed = parseParams(paramsText);
    if ("problem" in parsed) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    setOperation({
      connectorId: selected.id,
      type: selected.connectorName ?? undefined,
      entity: entity.trim(),
      action: action.trim(),
      params: parsed.params,
    });
    setRuns((n) => n + 1);
  };

  return (
    <section className="panel" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Run an operation</h2>
      {connectors.length === 0 ? (
        <p className="hint">Connect a source first.</p>
      ) : (
        <form className="operation-form" onSubmit={run} data-testid="operation-form">
          <label htmlFor={`${ids}-connector`}>Connector</label>
          <select
            id={`${ids}-connector`}
            data-testid="operation-connector"
            value={selected?.id ?? ""}
            onChange={(event) => {
              const next = connectors.find((c) => c.id === event.target.value);
              if (next) onSelect(next);
            }}
          >
            {!selected && <option value="">Choose a connector</option>}
            {connectors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.connectorType} — {c.name}
              </option>
            ))}
          </select>

          <label htmlFor={`${ids}-entity`}>Entity</label>
          <input
            id={`${ids}-entity`}
            data-testid="operation-entity"
            list={`${ids}-entities`}
            value={entity}
            required
            onChange={(event) => pickEntity(event.target.value)}
          />
          <datalist id={`${ids}-entities`} data-testid="entity-presets">
            {presets.map((p) => (
              <option key={p.entity} value={p.entity} />
            ))}
          </datalist>

          <label htmlFor={`${ids}-action`}>Action</label>
          <select id={`${ids}-action`} data-testid="operation-action" value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="list">list</option>
            <option value="api_search">api_search</option>
            <option value="search">search</option>
          </select>

          <label htmlFor={`${ids}-params`}>Parameters (JSON)</label>
          <textarea
            id={`${ids}-params`}
            data-testid="operation-params"
            rows={4}
            spellCheck={false}
            value={paramsText}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${ids}-problem` : undefined}
            onChange={(event) => setParamsText(event.target.value)}
          />
          {problem && (
            <p id={`${ids}-problem`} className="field-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" data-testid="run-operation" disabled={!selected || entity.trim() === ""}>
              Run
            </button>
          </div>
        </form>
      )}
      {operation && <CodeSample snippet={executeSnippet(operation)} testId="code-execute" />}
      {operation && <Results key={runs} operation={operation} />}
    </section>
  );
}
