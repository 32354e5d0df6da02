/**
 * How deeply the values of a request's variables nest: a scalar is 0, `{"ids": ["a"]}` is 2 (each
 * object or list one level; the map of variables itself not counted). Walked with a stack of its
 * own, not by recursion, so that no depth a JSON parser accepts can overflow the call stack; it
 * stops as soon as the depth is over `max`, answering `max + 1`.
 */
export function variablesDepth(variables: unknown, max: number): number {
  if (variables === null || typeof variables !== "object") return 0;
  const pending: [unknown, number][] = Object.values(variables).map((value) => [value, 1]);
  let deepest = 0;
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > max) return max + 1;
    deepest = Math.max(deepest, depth);
    for (const item of Object.values(value)) pending.push([item, depth + 1]);
  }
  return deepest;
}

/**
 * The variables a GraphQL-over-HTTP request carries, before GraphQL reads them: a POST's
 * `variables` member, a GET's `variables` parameter (JSON). Anything malformed is left for
 * Apollo to refuse, so it is answered undefined here.
 */
export function variablesOf(method: string, body: unknown, search: URLSearchParams): unknown {
  if (method === "GET") {
    const text = search.get("variables");
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return body !== null && typeof body === "object" && !Array.isArray(body) ? (body as { variables?: unknown }).variables : undefined;
}
