import type { ServerResponse } from 'node:http';

export type CapturedResponse = { status: number; headers: ReturnType<ServerResponse['getHeaders']>; body: Buffer };

type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk);
}

/**
 * Records what is written to `res` while it still goes to the client: resolves with the whole
 * response once its end has been written, or null when the client went away before that.
 */
export function captureResponse(res: ServerResponse): Promise<CapturedResponse | null> {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    if (chunk != null) chunks.push(toBuffer(chunk, rest[0]));
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  return new Promise((resolve) => {
    // Complete as soon as the last byte is handed over, not when the client has read it all: a
    // slow or stalled client must not hold up the readers waiting for this render.
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk != null && typeof chunk !== 'function') chunks.push(toBuffer(chunk as Chunk, rest[0]));
      const ended = res.writableEnded;
      const result = end(chunk, ...rest);
      if (!ended) resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      return result;
    }) as ServerResponse['end'];
    res.once('close', () => resolve(null));
  });
}
