import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { describe, expect, test } from "vitest";

import { loadConfig, type LimitSettings } from "../../src/config.js";
import type { Context } from "../../src/context.js";
import { limitPlugins, ResponseTexts } from "../../src/graphql/limits/limit-plugins.js";

/**
 * The response size limit serialises each response to measure it, and Apollo sends that text
 * (`stringifyResult`) instead of serialising the response again: one serialisation per response,
 * the same text Apollo's default would write, and a fresh one when a later plugin replaces the
 * response (as the audit trail does when it cannot write).
 */
/** The default limits, with a response limit small enough to reach. */
const SETTINGS: LimitSettings = { ...loadConfig({}).limits, maxResponseBytes: 2_000 };

/** Counts how often a value is serialised: JSON.stringify calls `toJSON` each time. */
let serialised = 0;
const counted = (text: string) => ({ toJSON: () => (serialised++, text) });

const typeDefs = `type Query { echo(text: String!): String!, long(size: Int!): String! }`;
const resolvers = {
  Query: {
    echo: (_: unknown, { text }: { text: string }) => counted(text),
    long: (_: unknown, { size }: { size: number }) => "x".repeat(size),
  },
};

/** A plugin after the limits that replaces a response's result when `withhold` says so. */
function replacing(withhold: () => boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (withhold() && response.body.kind === "single") response.body.singleResult = { errors: [{ message: "withheld", extensions: { code: "WITHHELD" } }] };
        },
      };
    },
  };
}

async function serverWith(withhold: () => boolean = () => false): Promise<ApolloServer<Context>> {
  const texts = new ResponseTexts();
  const server = new ApolloServer<Context>({ typeDefs, resolvers, plugins: [...limitPlugins(SETTINGS, texts), replacing(withhold)], stringifyResult: texts.stringify });
  await server.start();
  return server;
}

async function post(server: ApolloServer<Context>, query: string): Promise<{ status: number | undefined; text: string }> {
  const headers = new HeaderMap([["content-type", "application/json"]]);
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: "POST", headers, search: "", body: { query } },
    // The schema's resolvers read no context.
    context: async () => ({}) as Context,
  });
  if (response.body.kind !== "complete") throw new Error("expected a complete body");
  return { status: response.status, text: response.body.string };
}

describe("a response is serialised once, by the size limit, and sent as measured", () => {
  test("the text is Apollo's default for the result, each response its own, each serialised once", async () => {
    const server = await serverWith();
    try {
      serialised = 0;
      const first = await post(server, `{ echo(text: "first") }`);
      const second = await post(server, `{ echo(text: "second") }`);
      expect(first.text).toBe(JSON.stringify({ data: { echo: "first" } }) + "\n");
      expect(second.text).toBe(JSON.stringify({ data: { echo: "second" } }) + "\n");
      expect(serialised).toBe(2);
    } finally {
      await server.stop();
    }
  });

  test("a response replaced after it was measured is serialised afresh", async () => {
    let withhold = true;
    const server = await serverWith(() => withhold);
    try {
      const replaced = await post(server, `{ echo(text: "kept back") }`);
      expect(replaced.text).not.toContain("kept back");
      expect(JSON.parse(replaced.text)).toEqual({ errors: [{ message: "withheld", extensions: { code: "WITHHELD" } }] });
      withhold = false;
      expect((await post(server, `{ echo(text: "sent") }`)).text).toBe(JSON.stringify({ data: { echo: "sent" } }) + "\n");
    } finally {
      await server.stop();
    }
  });

  test("a response over the limit is refused with RESPONSE_TOO_LARGE, its text never sent", async () => {
    const server = await serverWith();
    try {
      const refused = await post(server, `{ long(size: 5000) }`);
      expect(refused.status).toBe(400);
      expect(refused.text).not.toContain("xxxx");
      const body = JSON.parse(refused.text) as { errors: { extensions: { code: string; max: number } }[] };
      expect(body.errors[0]!.extensions).toMatchObject({ code: "RESPONSE_TOO_LARGE", max: SETTINGS.maxResponseBytes });
    } finally {
      await server.stop();
    }
  });
});
