/**
 * A response body written piece by piece as `source` yields text (UTF-8), pulled only as fast as
 * the client reads, and cancelled (`source.return()`) when the client goes away.
 *
 * Once the first byte is sent, a failure can no longer be a status code. The body then errors
 * instead of ending: the server drops the connection without the final chunk, so the client's
 * download fails rather than ending as a shorter file that looks complete. `onError` is told,
 * since nobody else will hear of it.
 */
export function textStream(source: AsyncIterator<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const piece = await source.next();
        if (piece.done) controller.close();
        else controller.enqueue(encoder.encode(piece.value));
      } catch (error) {
        onError(error);
        // What the server prints as it drops the connection; the cause went to `onError`.
        controller.error(new Error('response stream failed after it started'));
      }
    },
    async cancel() {
      await source.return?.();
    },
  });
}
