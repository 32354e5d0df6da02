import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, test } from "vitest";

import type { LimitSettings } from "../../src/config.js";
import { limitPlugins } from "../../src/graphql/limits/limit-plugins.js";

/**
 * The limits keep what they measured of an operation Apollo hands them again (the same parsed
 * document, from its document store): what is kept must be the operation's alone, never a
 * request's variables or a server's settings.
 */
const schema = buildSchema(`
  type Item { name: String, items(first: Int = 10): [Item!]! }
  type Query { items(first: Int = 10): [Item!]! }
`);

const SETTINGS: LimitSettings = {
  maxDepth: 10,
  maxCost: 1_000,
  maxAliases: 30,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxBodyBytes: 1_000_000,
  maxDatabaseMs: 30_000,
  maxResponseBytes: 10_000_000,
  rateLimitPerMinute: 600,
  authFailuresPerMinute: 30,
  maxVariableDepth: 10,
  redisUrl: undefined,
  trustedProxyHops: 0,
};

/** Runs the limits' check of the document's operation, as Apollo would once the document is valid. */
async function check(settings: LimitSettings, document: ReturnType<typeof parse>, variables: Record<string, unknown> = {}): Promise<string | null> {
  const listener = await limitPlugins(settings)[0]!.requestDidStart!({} as never);
  const operation = document.definitions[0] as OperationDefinitionNode;
  try {
    await listener!.didResolveOperation!({ document, operation, request: { variables }, schema } as never);
    return null;
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
}

describe("measures kept per operation", () => {
  test("the same operation is checked against each server's own settings", async () => {
    const document = parse("{ items { items { name } } }");
    expect(await check(SETTINGS, document)).toBeNull();
    expect(await check({ ...SETTINGS, maxDepth: 2 }, document)).toBe("QUERY_TOO_DEEP");
    expect(await check({ ...SETTINGS, maxCost: 100 }, document)).toBe("QUERY_TOO_COSTLY");
    expect(await check(SETTINGS, document)).toBeNull();
  });

  test("the cost of an operation with variables is worked out from each request's variables", async () => {
    const document = parse("query ($first: Int) { items(first: $first) { name } }");
    expect(await check(SETTINGS, document, { first: 10 })).toBeNull();
    expect(await check(SETTINGS, document, { first: 1_000 })).toBe("QUERY_TOO_COSTLY");
    expect(await check(SETTINGS, document, { first: 10 })).toBeNull();
  });
});
