import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import DataLoader from "dataloader";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";

import { createAlertBus, type AlertBus } from "./alerts/alert-bus.js";
import { AlertStore } from "./alerts/alert-store.js";
import { attachSubscriptions, type Subscriptions } from "./alerts/subscription-server.js";
import { auditPlugin } from "./audit/audit-plugin.js";
import type { AuditTrail } from "./audit/audit-trail.js";
import { Access } from "./auth/access.js";
import type { Authenticator } from "./auth/authenticate.js";
import type { Pseudonyms } from "./auth/pseudonyms.js";
import type { Viewer } from "./auth/viewer.js";
import type { LimitSettings } from "./config.js";
import type { Context } from "./context.js";
import type { CypherExecutor } from "./db/cypher-executor.js";
import type { CypherRegistry } from "./db/cypher-registry.js";
import { DatabaseBudget } from "./db/database-budget.js";
import { DomainError, TooManyAuthFailuresError, VariablesTooDeepError } from "./domain/errors.js";
import { createErrorFormatter } from "./graphql/format-error.js";
import { VariableProblems } from "./graphql/variable-problems.js";
import { limitPlugins, ResponseTexts } from "./graphql/limits/limit-plugins.js";
import { clientAddress } from "./http/client-address.js";
import { closeGracefully } from "./http/drain.js";
import { queriesOnlyPlugin } from "./http/queries-only.plugin.js";
import type { RateLimiter } from "./http/rate-limit.js";
import { sendRefusal } from "./http/refusal.js";
import { BASELINE_HEADERS, serveStatic } from "./http/static-files.js";
import { variablesDepth, variablesOf } from "./http/variables-depth.js";
import { createLoaders } from "./loaders/create-loaders.js";
import { GraphRepository } from "./repositories/graph.repository.js";
import { FlowRepository } from "./repositories/flow.repository.js";
import { ListRepository } from "./repositories/list.repository.js";
import { NestedReadRepository } from "./repositories/nested-read.js";
import { NetworkRepository } from "./repositories/network.repository.js";
import { PathRepository } from "./repositories/path.repository.js";
import { RingRepository } from "./repositories/ring.repository.js";
import { RouteRepository } from "./repositories/route.repository.js";
import { SearchRepository } from "./repositories/search.repository.js";
import { SharedIdentifierRepository } from "./repositories/shared-identifier.repository.js";
import { TimelineRepository } from "./repositories/timeline.repository.js";
import { TrendRepository } from "./repositories/trend.repository.js";
import { CandidateStore } from "./resolution/candidate-store.js";
import { DecisionStore } from "./resolution/decision-store.js";

export const GRAPHQL_PATH = "/graphql";

/** Who may call, what they may see, what is recorded, and how much they may ask. */
export interface Security {
  authenticator: Authenticator;
  pseudonyms: Pseudonyms;
  audit: AuditTrail;
  limits: LimitSettings;
  rateLimiter: RateLimiter;
  /** Origins browsers may call from (CORS), besides those of API keys. */
  corsOrigins: () => Promise<Set<string>>;
}

export interface ServerDependencies {
  schema: GraphQLSchema;
  executor: CypherExecutor;
  registry: CypherRegistry;
  logger: Logger;
  production: boolean;
  security: Security;
  /** Whether start-up work (constraints) is done; `/ready` also checks that Neo4j answers. */
  isStarted: () => boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The API's HTTP server: one Apollo and one context factory, for HTTP and for in-process calls. */
export interface ApiServer {
  /** Started: besides serving HTTP, it answers operations in-process (`executeOperation`). */
  apollo: ApolloServer<Context>;
  /** One request's context for `viewer`, as an HTTP request of that viewer gets it. */
  context: (viewer: Viewer) => Promise<Context>;
  /** Listens on `host`:`port` (0: a port the system chooses); `url` is that of /graphql. */
  listen(host: string, port: number): Promise<{ url: string }>;
  /** Stops listening, then stops Apollo. */
  close(): Promise<void>;
}

/**
 * One request's context: the viewer's access, and loaders and repositories over an executor that
 * charges the request's database budget (`maxDatabaseMs`). A subscription's context is renewed for
 * each event it sends, with a budget of its own. Alerts published on `alertBus` reach the viewer's
 * subscriptions.
 */
export function createContextFactory(
  executor: CypherExecutor,
  registry: CypherRegistry,
  security: Pick<Security, "pseudonyms" | "audit" | "limits">,
  alertBus: AlertBus = createAlertBus(undefined),
): (viewer: Viewer) => Promise<Context> {
  return async (viewer) => {
    const budgeted = () => executor.withBudget(new DatabaseBudget(security.limits.maxDatabaseMs));
    let data = dataFunctions(budgeted(), registry);
    const watchLoader = () => new DataLoader((ids: readonly string[]) => data.repositories.alerts.watchesByIds(viewer.subject, ids));
    const context: Context = {
      viewer,
      access: new Access(viewer, security.pseudonyms),
      audit: security.audit,
      loaders: createLoaders(data.graph),
      alertWatches: watchLoader(),
      alertBus,
      ...data.repositories,
      renew: () => {
        data = dataFunctions(budgeted(), registry);
        Object.assign(context, data.repositories);
        context.access = new Access(viewer, security.pseudonyms);
        context.loaders = createLoaders(data.graph);
        context.alertWatches = watchLoader();
      },
    };
    return context;
  };
}

/** The repositories a context hands its resolvers, and the graph its loaders read, over one executor. */
function dataFunctions(executor: CypherExecutor, registry: CypherRegistry) {
  const repositories = {
    nested: new NestedReadRepository(executor, registry),
    lists: new ListRepository(executor, registry),
    search: new SearchRepository(executor, registry),
    network: new NetworkRepository(executor, registry),
    paths: new PathRepository(executor, registry),
    sharedIdentifiers: new SharedIdentifierRepository(executor, registry),
    timeline: new TimelineRepository(executor, registry),
    routes: new RouteRepository(executor, registry),
    flows: new FlowRepository(executor, registry),
    trends: new TrendRepository(executor, registry),
    rings: new RingRepository(executor, registry),
    resolution: new CandidateStore(executor),
    decisions: new DecisionStore(executor),
    alerts: new AlertStore(executor),
  };
  return { repositories, graph: new GraphRepository(executor, registry) };
}

export function createApollo(
  deps: Pick<ServerDependencies, "schema" | "logger" | "production"> & { security: Pick<Security, "audit" | "limits"> },
): ApolloServer<Context> {
  const variableProblems = new VariableProblems();
  const responseTexts = new ResponseTexts();
  const formatError = createErrorFormatter((error) => deps.logger.error({ err: error }, "unexpected error in a request"), {
    maxTokens: deps.security.limits.maxTokens,
    variableProblems,
  });
  return new ApolloServer<Context>({
    schema: deps.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The process stops Apollo itself on SIGTERM, once the requests in flight are answered
    // (src/http/drain.ts); Apollo's own signal handling would stop it at once.
    stopOnTerminationSignals: false,
    introspection: !deps.production,
    hideSchemaDetailsFromClientErrors: deps.production,
    // The parser stops at the token limit, before building an oversized document.
    parseOptions: { maxLexicalTokens: deps.security.limits.maxTokens },
    // The response's text as the size limit measured it: serialised once.
    stringifyResult: responseTexts.stringify,
    // Apollo's default landing page loads from a CDN, which offline users cannot reach.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field declares a cache hint, and no answer may be cached (see the handler's
      // cache-control header); Apollo's cache-control plugin would wrap every field's resolver to
      // read hints that are never there.
      ApolloServerPluginCacheControlDisabled(),
      // First, so that a mutation is refused as such, whatever the limits make of it.
      queriesOnlyPlugin<Context>(),
      ...limitPlugins(deps.security.limits, responseTexts),
      auditPlugin(deps.security.audit, (error) => deps.logger.error({ err: error }, "audit trail unavailable: responses are refused")),
      variableProblems.plugin<Context>(),
    ],
  });
}

/**
 * The HTTP server of the API, Apollo started, not yet listening: GraphQL at /graphql, plus /health
 * and /ready for orchestrators. `createApp` (app.ts) makes it from the configuration.
 */
export async function createApiServer(deps: ServerDependencies): Promise<ApiServer> {
  const apollo = createApollo(deps);
  await apollo.start();
  // Alerts reach this process's subscriptions through Redis (REDIS_URL) when an import publishes
  // them, and through polling Neo4j otherwise.
  const alertBus = createAlertBus(deps.security.limits.redisUrl, {
    source: new AlertStore(deps.executor),
    onError: (error) => deps.logger.warn({ err: error }, "alerts: Redis or polling failed; alerts come by polling or are read back"),
  });
  const context = createContextFactory(deps.executor, deps.registry, deps.security, alertBus);
  const servers: http.Server[] = [];
  const subscriptions: Subscriptions[] = [];
  return {
    apollo,
    context,
    listen: async (host, port) => {
      // The port asked for, or the one the system chose for port 0 (set once listening).
      let listeningPort = port;
      const route = createRouter(deps, apollo, context, () => listeningPort);
      const server = http.createServer((request, response) => {
        route(request, response).catch((error: unknown) => {
          deps.logger.error({ err: error }, "request failed");
          if (!response.headersSent) sendJson(response, 500, { error: "internal server error" });
          else response.end();
        });
      });
      subscriptions.push(attachSubscriptions(server, { ...deps, context, listeningPort: () => listeningPort }));
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      servers.push(server);
      const address = server.address() as AddressInfo;
      listeningPort = address.port;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return { url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}` };
    },
    close: async () => {
      await Promise.all(subscriptions.splice(0).map((attached) => attached.close()));
      await alertBus.close();
      await Promise.all(servers.splice(0).map(closeGracefully));
      await apollo.stop();
    },
  };
}

/** Starts the HTTP server on `host`:`port`; `close` stops it and Apollo. Kept for its importers: new code calls `createApp`. */
export async function startServer(deps: ServerDependencies, host: string, port: number): Promise<RunningServer> {
  const server = await createApiServer(deps);
  const { url } = await server.listen(host, port);
  return { url, close: () => server.close() };
}

/** What a request to the server gets: the routes, the edge's refusals, then Apollo. */
function createRouter(
  deps: ServerDependencies,
  apollo: ApolloServer<Context>,
  context: (viewer: Viewer) => Promise<Context>,
  listeningPort: () => number,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { security } = deps;
  return async function route(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    for (const [name, value] of Object.entries(BASELINE_HEADERS)) response.setHeader(name, value);
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
    if (await serveStatic(request, response, url, { frameAncestors: security.corsOrigins })) return;
    if (url.pathname !== GRAPHQL_PATH) return sendJson(response, 404, { error: "not found" });

    const origin = request.headers.origin;
    const allowedOrigin = origin !== undefined && (await security.corsOrigins()).has(origin) ? origin : undefined;
    if (allowedOrigin) {
      response.setHeader("access-control-allow-origin", allowedOrigin);
      response.setHeader("vary", "origin");
    }
    if (request.method === "OPTIONS") {
      if (allowedOrigin) {
        response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
        response.setHeader("access-control-allow-headers", "authorization, content-type, apollo-require-preflight");
        response.setHeader("access-control-max-age", "600");
      }
      response.writeHead(204).end();
      return;
    }

    // An address that keeps failing to authenticate is refused before its credentials are
    // looked at: guessing stops, and made-up API keys stop costing database lookups.
    const address = clientAddress(request, security.limits.trustedProxyHops);
    const attempt = await security.rateLimiter.mayAuthenticate(address);
    if (!attempt.allowed) {
      const refusal = new TooManyAuthFailuresError();
      return sendRefusal(response, 429, refusal.code, refusal.message, { "retry-after": String(attempt.retryAfterSeconds) });
    }
    let viewer: Viewer;
    try {
      viewer = await security.authenticator.authenticate({
        authorization: request.headers.authorization,
        origin,
        port: listeningPort(),
        address,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await security.rateLimiter.failedAuthentication(address);
      return sendRefusal(response, 401, error.code, error.message, { "www-authenticate": 'Bearer realm="graphql"' });
    }
    const rate = await security.rateLimiter.consume(viewer.subject);
    if (!rate.allowed) {
      return sendRefusal(response, 429, "RATE_LIMITED", "Too many requests; slow down", {
        "retry-after": String(rate.retryAfterSeconds),
      });
    }

    const body = await readBody(request, security.limits.maxBodyBytes);
    if (body === null) {
      return sendRefusal(response, 413, "BODY_TOO_LARGE", `The request body is over ${security.limits.maxBodyBytes} bytes`);
    }
    const method = request.method?.toUpperCase() ?? "GET";
    const parsedBody = parseBody(body, request.headers["content-type"]);
    // Before GraphQL, so before any database work and before the audit trail hashes them.
    const maxDepth = security.limits.maxVariableDepth;
    if (variablesDepth(variablesOf(method, parsedBody, url.searchParams), maxDepth) > maxDepth) {
      const refusal = new VariablesTooDeepError(maxDepth);
      return sendRefusal(response, 400, refusal.code, refusal.message, {}, { max: maxDepth });
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const graphQLRequest: HTTPGraphQLRequest = {
      method,
      headers,
      search: url.search,
      body: parsedBody,
    };
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: graphQLRequest, context: () => context(viewer) });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    // Answers depend on who asks and may hold personal data: no cache may keep them.
    response.setHeader("cache-control", "no-store");
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

/** The request body as text, or null when it is over the limit. */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
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
