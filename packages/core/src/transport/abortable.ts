import { AbortError, isBranded } from "../errors/classes";

// The caller's reason as the SDK's typed error: every rejection is an AirbyteError (an SDK error, e.g. a deadline's
// TimeoutError, passes as it is; the signal's own reason stays as the cause).
const aborted = ({ reason }: AbortSignal): unknown =>
  isBranded(reason)
    ? reason
    : new AbortError(`The call was aborted${reason instanceof Error && reason.message ? `: ${reason.message}` : ""}`, { cause: reason });

/** Lets one caller stop waiting for a shared promise without cancelling it for the rest. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(aborted(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
