/**
 * The servers the fixed-cost benchmark sends `{ __typename }` to, each in a process of its own so
 * that its CPU time is its own. They differ by one stage at a time, so that the differences between
 * them are what each stage costs.
 */
export interface Variant {
  name: string;
  /** What runs: the API's HTTP server, or Apollo's standalone server with the API's or a bare Apollo. */
  server: "api" | "apollo-config" | "apollo-bare";
  /** The credential sent; every variant gets the same Authorization header's bytes ("none" ignores it). */
  credential: "token" | "api-key" | "none";
  /** Stages replaced by stand-ins that do nothing: a fixed viewer, a rate limiter that counts nothing, a trail that writes nothing. */
  off: readonly ("authentication" | "rate-limit" | "audit")[];
  description: string;
}

export const VARIANTS: readonly Variant[] = [
  {
    name: "floor",
    server: "apollo-bare",
    credential: "none",
    off: [],
    description: "Apollo Server 5 standalone (`startStandaloneServer`), the same schema, no plugins, empty context: what a bare GraphQL server such as @neo4j/graphql's pays",
  },
  {
    name: "apollo-config",
    server: "apollo-config",
    credential: "none",
    off: ["authentication", "rate-limit", "audit"],
    description: "Apollo standalone with the API's Apollo (`createApollo`: queries only, limits, audit plugin over a trail that writes nothing, error formatter) and its per-request context",
  },
  {
    name: "api-bare",
    server: "api",
    credential: "token",
    off: ["authentication", "rate-limit", "audit"],
    description: "the API's HTTP server (`startServer`) with a fixed viewer, no rate limit, a trail that writes nothing",
  },
  {
    name: "api-no-audit",
    server: "api",
    credential: "token",
    off: ["audit"],
    description: "the API with token authentication and the rate limit; the audit trail writes nothing",
  },
  {
    name: "api-no-auth",
    server: "api",
    credential: "token",
    off: ["authentication"],
    description: "the API with a fixed viewer (the token is not read); rate limit and audit trail on",
  },
  {
    name: "api",
    server: "api",
    credential: "token",
    off: [],
    description: "the API as in production: bearer token (HS256), rate limit, limits, audit trail (hashed, chained, on disk before the response)",
  },
  {
    name: "api-key",
    server: "api",
    credential: "api-key",
    off: [],
    description: "the API as in production, called with an API key (its record from Neo4j, kept in memory 30 s)",
  },
];

/** The variants run from the baseline's code by default: where the changes are. */
export const BASELINE_VARIANTS = ["apollo-config", "api-bare", "api-no-audit", "api", "api-key"];

export function variantNamed(name: string): Variant {
  const variant = VARIANTS.find((candidate) => candidate.name === name);
  if (!variant) throw new Error(`no variant ${name}; the variants are ${VARIANTS.map((candidate) => candidate.name).join(", ")}`);
  return variant;
}
