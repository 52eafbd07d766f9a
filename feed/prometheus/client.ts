/** One series of an instant vector: its labels and its value (NaN kept as NaN). */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Why a query failed: the server is unreachable or slow, or it answered something unexpected. */
export class PromQueryError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'unexpected',
  ) {
    super(message);
  }
}

/**
 * Runs an instant query through Prometheus' HTTP API (/api/v1/query) and
 * returns the vector. Anything but a vector of [time, "value"] pairs is
 * `unexpected`, so one odd query is skipped without taking the others down.
 */
export async function queryInstant(baseUrl: string, query: string, timeoutMs = 5_000): Promise<Sample[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(query)}`;
  let body: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    body = await response.json();
  } catch (error) {
    throw new PromQueryError(`${url}: ${(error as Error).message}`, 'unreachable');
  }
  const data = (body as { status?: unknown; data?: { resultType?: unknown; result?: unknown } } | null) ?? {};
  if (data.status !== 'success' || data.data?.resultType !== 'vector' || !Array.isArray(data.data.result)) {
    throw new PromQueryError(`query "${query}" answered ${JSON.stringify(body).slice(0, 200)}`, 'unexpected');
  }
  const samples: Sample[] = [];
  for (const item of data.data.result as { metric?: unknown; value?: unknown }[]) {
    const pair = item.value;
    if (!Array.isArray(pair) || typeof pair[1] !== 'string' || typeof item.metric !== 'object' || item.metric === null) continue;
    samples.push({ labels: item.metric as Record<string, string>, value: Number(pair[1]) });
  }
  return samples;
}
