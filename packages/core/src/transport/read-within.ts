// Reading a body stream under a byte limit: the one loop both the SDK's response reader (read-body.ts) and the
// proxy's request reader (server/proxy-handler.ts) use, so a limit is enforced the same way in both.

/**
 * Reads `stream` chunk by chunk, handing each chunk to `take`, and stops as soon as more than `limit` bytes have
 * come: the stream is then cancelled and `false` returned, with the chunk that went over not handed on. `true`
 * when the stream ended within the limit. A read that breaks rejects with the runtime's own error.
 *
 * @example
 * ```ts
 * const chunks: Uint8Array[] = [];
 * if (!(await readWithin(request.body, 1_048_576, (chunk) => chunks.push(chunk)))) return new Response(null, { status: 413 });
 * ```
 */
export async function readWithin(stream: ReadableStream<Uint8Array>, limit: number, take: (chunk: Uint8Array) => void): Promise<boolean> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    bytes += value.byteLength;
    if (bytes > limit) {
      // Not awaited: a source slow to cancel must not hold up the caller's answer.
      reader.cancel().catch(() => {});
      return false;
    }
    take(value);
  }
}
