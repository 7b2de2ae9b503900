import { AirbyteError, type AirbyteErrorJSON, type AirbyteErrorOptions } from "./airbyte-error";

/**
 * A connector that a slug could have meant, as listed in a {@link ConnectorResolutionError}.
 *
 * @example
 * ```ts
 * const candidate: ConnectorCandidate = { id: "6f1c…", name: "Stripe (prod)", connectorType: "Stripe" };
 * ```
 */
export interface ConnectorCandidate {
  id: string;
  name: string;
  connectorType?: string;
}

/**
 * The options of {@link ConnectorResolutionError}. For `connector_not_found`, `candidates` are the
 * workspace's connectors; for `connector_ambiguous`, the ones that matched.
 *
 * @example
 * ```ts
 * new ConnectorResolutionError({ code: "connector_ambiguous", connector: "stripe", workspaceName: "acme", candidates });
 * ```
 */
export interface ConnectorResolutionErrorOptions extends Omit<AirbyteErrorOptions, "code" | "retryable"> {
  code: "connector_not_found" | "connector_ambiguous";
  /** The slug or name that was looked up. */
  connector: string;
  workspaceName?: string | undefined;
  candidates?: readonly ConnectorCandidate[] | undefined;
}

/**
 * `ConnectorResolutionError.toJSON()`'s result: the base fields plus the slug and the candidates.
 *
 * @example
 * ```ts
 * const json: ConnectorResolutionErrorJSON = err.toJSON();
 * json.candidates.map((c) => c.id);
 * ```
 */
export interface ConnectorResolutionErrorJSON extends AirbyteErrorJSON {
  connector: string;
  candidates: ConnectorCandidate[];
}

const MAX_LISTED_CANDIDATES = 10;

function describe(candidate: ConnectorCandidate): string {
  const details = [candidate.id, candidate.connectorType].filter((part) => part !== undefined);
  return `${candidate.name} (${details.join(", ")})`;
}

function listCandidates(candidates: readonly ConnectorCandidate[]): string {
  const listed = candidates.slice(0, MAX_LISTED_CANDIDATES).map(describe).join("; ");
  const more = candidates.length - MAX_LISTED_CANDIDATES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

function buildMessage(options: ConnectorResolutionErrorOptions): string {
  const candidates = options.candidates ?? [];
  const where = options.workspaceName === undefined ? "" : ` in workspace "${options.workspaceName}"`;
  if (options.code === "connector_ambiguous") {
    return (
      `"${options.connector}" matches ${candidates.length} connectors${where}: ` +
      `${listCandidates(candidates)}. Pass { connectorId } to pick one.`
    );
  }
  const available = candidates.length === 0 ? " The workspace has no connectors yet." : ` Available: ${listCandidates(candidates)}.`;
  return `No connector matches "${options.connector}"${where}.${available}`;
}

/**
 * A connector slug or name matched no connector, or several. The message and `candidates` list
 * the connectors to choose from; pass `{ connectorId }` to skip the lookup.
 *
 * @example
 * ```ts
 * if (isConnectorResolutionError(err) && err.code === "connector_ambiguous") {
 *   const stripe = ws.connector({ connectorId: err.candidates[0]!.id });
 * }
 * ```
 */
export class ConnectorResolutionError extends AirbyteError {
  override readonly name = "ConnectorResolutionError" as const;
  declare readonly code: "connector_not_found" | "connector_ambiguous";
  /** The slug or name that was looked up. */
  readonly connector: string;
  /** The connectors it could have meant. */
  readonly candidates: readonly ConnectorCandidate[];

  constructor(options: ConnectorResolutionErrorOptions) {
    super(buildMessage(options), { ...options, retryable: false });
    this.connector = options.connector;
    this.candidates = (options.candidates ?? []).map((candidate) => ({ ...candidate }));
  }

  override toJSON(): ConnectorResolutionErrorJSON {
    return {
      ...super.toJSON(),
      connector: this.connector,
      candidates: this.candidates.map((candidate) => ({ ...candidate })),
    };
  }
}
