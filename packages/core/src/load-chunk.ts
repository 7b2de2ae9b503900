// Parts of the SDK a first call rarely needs are modules of their own, which a splitting bundler turns into chunks
// the page fetches on first use (the connector runtime and its catalogs, the resources of resources/on-demand.ts,
// the response schemas). A chunk that does not arrive (the page went offline, a flaky CDN, a new deploy that removed
// the old chunks) would reject with the runtime's own TypeError; here it becomes a ConnectionError, typed and
// retryable like any other network failure, that names the part that did not load. The SDK keeps nothing of a failed
// load, so the next call imports again; a runtime may itself keep the failed module until the page reloads (Node's
// loader does), hence the advice in the message.
import { ConnectionError } from "./errors/classes";

/** Loads one of the SDK's own lazy modules; a failed load is a `ConnectionError` with code `module_load_failed`. */
export async function loadChunk<T>(part: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ConnectionError(
      `Could not load the SDK's ${part} (${detail}): the page may be offline, or a new deploy replaced its chunks; retry, or reload the page`,
      { code: "module_load_failed", cause },
    );
  }
}
