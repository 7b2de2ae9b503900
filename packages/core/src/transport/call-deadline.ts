// One deadline for a call made of several requests. The transport starts a deadline per request (plan.ts); a
// resource method that sends more than one starts it here first, and every request then reads the same end.
import type { CallOptions, TransportConfig } from "./transport";

/** Call options whose deadline has started: `deadlineAt` is when it ends, for every request of the call. */
export type StartedCallOptions<T extends CallOptions = CallOptions> = T & { readonly deadlineAt?: number };

/**
 * Starts the deadline of a call made of several requests (a slug lookup then the execute, the workspace id then
 * the workflow, the pages of a name search), so that each request gets what is left of it rather than the whole
 * budget again. Options already started keep their end; without a deadline (per call or the client's) they are
 * returned as they are. The caller's object is never changed.
 *
 * @example
 * ```ts
 * const call = startDeadline(ctx.transport.config, options);
 * const id = await this.id(call);
 * await ctx.transport.request(spec, call);
 * ```
 */
export function startDeadline<T extends CallOptions>(
  config: Pick<TransportConfig, "deadlineMs" | "now">,
  options: T,
): StartedCallOptions<T> {
  if ((options as StartedCallOptions).deadlineAt !== undefined) return options;
  const budget = options.deadline ?? config.deadlineMs;
  return budget === undefined ? options : { ...options, deadline: budget, deadlineAt: config.now() + budget };
}
