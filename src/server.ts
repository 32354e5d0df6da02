import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import type { Context } from "./context.js";
import type { CypherExecutor } from "./db/cypher-executor.js";
import type { CypherRegistry } from "./db/cypher-registry.js";
import { createErrorFormatter } from "./graphql/format-error.js";
import { createLoaders } from "./loaders/create-loaders.js";
import { GraphRepository } from "./repositories/graph.repository.js";
import { FlowRepository } from "./repositories/flow.repository.js";
import { ListRepository } from "./repositories/list.repository.js";
import { NetworkRepository } from "./repositories/network.repository.js";
import { PathRepository } from "./repositories/path.repository.js";
import { RouteRepository } from "./repositories/route.repository.js";
import { SearchRepository } from "./repositories/search.repository.js";
import { SharedIdentifierRepository } from "./repositories/shared-identifier.repository.js";
import { TimelineRepository } from "./repositories/timeline.repository.js";
import { TrendRepository } from "./repositories/trend.repository.js";

export const GRAPHQL_PATH = "/graphql";
/** Larger bodies are refused before they are parsed. */
export const MAX_BODY_BYTES = 1_000_000;

export interface ServerDependencies {
  schema: GraphQLSchema;
  executor: CypherExecutor;
  registry: CypherRegistry;
  logger: Logger;
  production: boolean;
  /** Whether start-up work (constraints) is done; `/ready` also checks that Neo4j answers. */
  isStarted: () => boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** One request's context: fresh loaders over the shared repositories. */
export function createContextFactory(executor: CypherExecutor, registry: CypherRegistry): () => Promise<Context> {
  const graph = new GraphRepository(executor, registry);
  const repositories = {
    lists: new ListRepository(executor, registry),
    search: new SearchRepository(executor, registry),
    network: new NetworkRepository(executor, registry),
    paths: new PathRepository(executor, registry),
    sharedIdentifiers: new SharedIdentifierRepository(executor, registry),
    timeline: new TimelineRepository(executor, registry),
    routes: new RouteRepository(executor, registry),
    flows: new FlowRepository(executor, registry),
    trends: new TrendRepository(executor, registry),
  };
  return async () => ({ loaders: createLoaders(graph), ...repositories });
}

export function createApollo(deps: Pick<ServerDependencies, "schema" | "logger" | "production">): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: deps.schema,
    formatError: createErrorFormatter((error) => deps.logger.error({ err: error }, "unexpected error in a request")),
    includeStacktraceInErrorResponses: false,
    introspection: !deps.production,
    hideSchemaDetailsFromClientErrors: deps.production,
    // Apollo's default landing page loads from a CDN, which offline users cannot reach.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}

/** Starts the HTTP server: GraphQL at /graphql, plus /health and /ready for orchestrators. */
export async function startServer(deps: ServerDependencies, host: string, port: number): Promise<RunningServer> {
  const apollo = createApollo(deps);
  await apollo.start();
  const context = createContextFactory(deps.executor, deps.registry);

  const server = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      deps.logger.error({ err: error }, "request failed");
      if (!response.headersSent) sendJson(response, 500, { error: "internal server error" });
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return sendJson(response, 200, { status: "ok" });
    if (url.pathname === "/ready") {
      const reachable = await deps.executor.isReachable();
      const ready = reachable && deps.isStarted();
      return sendJson(response, ready ? 200 : 503, {
        status: ready ? "ready" : "not ready",
        database: reachable ? "reachable" : "unreachable",
        constraints: deps.isStarted() ? "applied" : "pending",
      });
    }
    if (url.pathname !== GRAPHQL_PATH) return sendJson(response, 404, { error: "not found" });

    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, { error: `request body over ${MAX_BODY_BYTES} bytes` });
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const graphQLRequest: HTTPGraphQLRequest = {
      method: request.method?.toUpperCase() ?? "GET",
      headers,
      search: url.search,
      body: parseBody(body, headers.get("content-type")),
    };
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: graphQLRequest, context });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

/** The request body as text, or null when it is over the limit. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON bodies are parsed here; Apollo answers a malformed one with 400. */
function parseBody(body: string, contentType: string | undefined): unknown {
  if (body === "" || !contentType?.includes("application/json")) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
