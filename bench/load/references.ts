import type { References } from "./load-client.js";
import type { Mix } from "./mixes.js";

const COLD_TRIES = 3;

/**
 * The reference answer of every variables of every kind of the mixes, asked one at a time per
 * worker of `parallel` with a quiet API: each must be HTTP 200, without errors, and plausible
 * (`RequestKind.implausible`). Under load, every answer is compared with these. Asked of each URL
 * given, they must be the same everywhere: two replicas answer alike.
 */
export async function takeReferences(
  urls: readonly string[],
  mixes: readonly Mix[],
  authorization: (mix: Mix) => string,
  parallel = 4,
): Promise<References> {
  const references: References = new Map();
  const jobs = mixes.flatMap((mix) =>
    mix.kinds.flatMap((kind) => kind.variables.map((variables, index) => ({ mix, kind, variables, index }))),
  );
  for (const mix of mixes) for (const kind of mix.kinds) references.set(kind, []);
  for (const [order, url] of urls.entries()) {
    let cursor = 0;
    const worker = async () => {
      while (cursor < jobs.length) {
        const { mix, kind, variables, index } = jobs[cursor++]!;
        // Which request failed is told by kind and index: the variables may hold a person's name.
        const where = `${mix.key} ${kind.key} #${index} at ${url}`;
        let response: Response;
        let body: string;
        let parsed: { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
        // A cold database on a busy machine can time out on its first queries: those are asked again.
        for (let tries = 1; ; tries++) {
          response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: authorization(mix) },
            body: JSON.stringify({ query: kind.document, variables }),
          });
          body = await response.text();
          parsed = JSON.parse(body) as typeof parsed;
          if (tries === COLD_TRIES || parsed.errors?.[0]?.extensions?.code !== "QUERY_TIMEOUT") break;
        }
        if (response.status !== 200 || parsed.errors !== undefined || parsed.data === undefined) {
          throw new Error(`${where}: HTTP ${response.status}, ${parsed.errors?.map((error) => error.extensions?.code).join(", ") ?? "no data"}`);
        }
        const why = kind.implausible(parsed.data, variables);
        if (why !== null) throw new Error(`${where}: ${why}`);
        const known = references.get(kind)!;
        if (order === 0) known[index] = body;
        else if (known[index] !== body) throw new Error(`${where}: another answer than at ${urls[0]}`);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }
  return references;
}
