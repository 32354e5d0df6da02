import type http from "node:http";

import { ApolloServerErrorCode } from "@apollo/server/errors";
import {
  getOperationAST,
  GraphQLError,
  isInputType,
  parse,
  typeFromAST,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";

import type { AuditTrail } from "../audit/audit-trail.js";
import type { Authenticator } from "../auth/authenticate.js";
import type { Viewer } from "../auth/viewer.js";
import type { LimitSettings } from "../config.js";
import type { Context } from "../context.js";
import { DomainError, TooManyAuthFailuresError, VariablesTooDeepError } from "../domain/errors.js";
import { createErrorFormatter } from "../graphql/format-error.js";
import { aliasCount } from "../graphql/limits/alias-count.js";
import { directiveCount } from "../graphql/limits/directive-count.js";
import { fragmentsOf } from "../graphql/limits/fragments.js";
import { LimitCode, limitError } from "../graphql/limits/limit-error.js";
import { queryCost } from "../graphql/limits/query-cost.js";
import { queryDepth } from "../graphql/limits/query-depth.js";
import { clientAddress } from "../http/client-address.js";
import type { RateLimiter } from "../http/rate-limit.js";
import { variablesDepth } from "../http/variables-depth.js";

/** The path subscriptions are served at: the same as GraphQL over HTTP. */
const PATH = "/graphql";

/**
 * Close codes of a refused connection (4400-4499, as graphql-ws's own): the reason says why, as
 * the code and message an HTTP request would get.
 */
export const REFUSAL_CLOSE_CODES = {
  UNAUTHENTICATED: 4401,
  TOO_MANY_AUTH_FAILURES: 4429,
} as const;

/** A WebSocket close reason holds at most 123 bytes. */
const MAX_REASON_BYTES = 123;

export interface Subscriptions {
  /** Closes every socket and stops accepting new ones. */
  close(): Promise<void>;
}

/** The parts of the server's security (src/server.ts) that sockets use, as HTTP requests do. */
interface SocketSecurity {
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  audit: AuditTrail;
  limits: LimitSettings;
}

interface SubscriptionDependencies {
  schema: GraphQLSchema;
  security: SocketSecurity;
  logger: Logger;
  context: (viewer: Viewer) => Promise<Context>;
  /** The port the HTTP server listens on (for the Authenticator's origin rules). */
  listeningPort: () => number;
}

/** What a socket knows of its caller, set once the connection is accepted. */
type SocketState = {
  viewer?: Viewer;
};

/**
 * GraphQL over WebSocket (graphql-ws's `graphql-transport-ws` protocol) on the HTTP server's
 * /graphql: mainly the `alerts` subscription. A connection authenticates once, with the
 * `authorization` of its `connectionParams` under the same rules as an HTTP request (a refused one
 * is closed with 4401 or 4429 and the reason); then each operation it starts is rate limited per
 * subject, held to the same token, depth, alias, directive and cost limits as over HTTP, and run
 * with a context of its own. Each result sent (each alert delivered) is first recorded in the audit
 * trail with what it disclosed; a result that cannot be recorded is not sent and ends the
 * subscription with AUDIT_UNAVAILABLE.
 */
export function attachSubscriptions(server: http.Server, deps: SubscriptionDependencies): Subscriptions {
  const { schema, security, logger } = deps;
  const limits = security.limits;
  const format = createErrorFormatter((error) => logger.error({ err: error }, "unexpected error in a subscription"), { maxTokens: limits.maxTokens });
  const formatted = (errors: readonly GraphQLError[]) => errors.map((error) => format(error.toJSON(), error));
  const sockets = new WebSocketServer({ server, path: PATH });

  const disposable = useServer<Record<string, unknown>, SocketState>(
    {
      schema,
      onConnect: async ({ connectionParams, extra }) => {
        const address = clientAddress(extra.request, security.limits.trustedProxyHops);
        const attempt = await security.rateLimiter.mayAuthenticate(address);
        if (!attempt.allowed) return refuse(extra.socket, REFUSAL_CLOSE_CODES.TOO_MANY_AUTH_FAILURES, new TooManyAuthFailuresError());
        const authorization = connectionParams?.authorization;
        try {
          extra.viewer = await security.authenticator.authenticate({
            authorization: typeof authorization === "string" ? authorization : undefined,
            origin: extra.request.headers.origin,
            port: deps.listeningPort(),
            address,
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          await security.rateLimiter.failedAuthentication(address);
          return refuse(extra.socket, REFUSAL_CLOSE_CODES.UNAUTHENTICATED, error);
        }
        return true;
      },
      onSubscribe: async ({ extra }, _id, payload) => {
        const viewer = extra.viewer!;
        const rate = await security.rateLimiter.consume(viewer.subject);
        if (!rate.allowed) return [coded("Too many requests; slow down", "RATE_LIMITED")];
        const prepared = prepare(schema, payload, limits);
        if (Array.isArray(prepared)) return prepared;
        return { ...(prepared as Omit<ExecutionArgs, "contextValue">), contextValue: await deps.context(viewer) };
      },
      onNext: async ({ extra }, _id, payload, args, result) => {
        const errors = formatted(result.errors ?? []);
        await record(security, extra.viewer!, payload, args, errors.map(codeOf));
        return { ...result, errors: result.errors ? errors : undefined } as ExecutionResult;
      },
      onError: async ({ extra }, _id, payload, errors) => {
        const shown = formatted(errors);
        // A refused operation is recorded as over HTTP; the trail being away cannot hide the refusal.
        await record(security, extra.viewer!, payload, undefined, shown.map(codeOf)).catch((error: unknown) =>
          logger.error({ err: error }, "audit trail unavailable for a refused subscription"),
        );
        return shown;
      },
    },
    sockets,
  );
  return {
    // graphql-ws closes each socket with 1001 (going away), which its clients take as a reason to
    // reconnect (through the balancer, to another replica) and resume with `after`.
    close: async () => {
      await disposable.dispose();
    },
  };
}

function refuse(socket: { close(code: number, reason: string): void }, code: number, error: DomainError): false {
  socket.close(code, truncated(`${error.code}: ${error.message}`));
  return false;
}

function truncated(reason: string): string {
  const bytes = Buffer.from(reason, "utf8");
  return bytes.length <= MAX_REASON_BYTES ? reason : bytes.subarray(0, MAX_REASON_BYTES).toString("utf8").replace(/\uFFFD$/, "");
}

function coded(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * The operation to run, parsed, validated and within the limits, or the errors that refuse it:
 * the checks Apollo and the limit plugins make over HTTP (src/graphql/limits/limit-plugins.ts).
 */
function prepare(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  limits: LimitSettings,
): Omit<ExecutionArgs, "contextValue"> | GraphQLError[] {
  const variables = payload.variables ?? {};
  if (variablesDepth(variables, limits.maxVariableDepth) > limits.maxVariableDepth) {
    const refusal = new VariablesTooDeepError(limits.maxVariableDepth);
    return [coded(refusal.message, refusal.code, { max: limits.maxVariableDepth })];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED } })];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    return invalid.map(
      (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED } }),
    );
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [coded("Unable to identify the operation to run", ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE)];
  const overLimit = limitOf(schema, operation, document, variables, limits);
  if (overLimit) return [overLimit];
  return { schema, document, operationName: payload.operationName, variableValues: variables };
}

function limitOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  limits: LimitSettings,
): GraphQLError | undefined {
  const fragments = fragmentsOf(document);
  const depth = queryDepth(operation, fragments);
  if (depth > limits.maxDepth) return limitError(LimitCode.QUERY_TOO_DEEP, `The query nests fields deeper than ${limits.maxDepth} levels`, limits.maxDepth, depth);
  const aliases = aliasCount(operation, fragments);
  if (aliases > limits.maxAliases) return limitError(LimitCode.TOO_MANY_ALIASES, `The query has more than ${limits.maxAliases} aliases`, limits.maxAliases, aliases);
  const directives = directiveCount(operation, fragments);
  if (directives > limits.maxDirectives) {
    return limitError(LimitCode.TOO_MANY_DIRECTIVES, `The query has more than ${limits.maxDirectives} directives`, limits.maxDirectives, directives);
  }
  const cost = queryCost(schema, operation, fragments, variables);
  if (cost > limits.maxCost) return limitError(LimitCode.QUERY_TOO_COSTLY, `The query's estimated cost is over ${limits.maxCost}`, limits.maxCost, cost);
  return undefined;
}

/** One result sent over a socket (or one operation refused), in the audit trail; rejects when it cannot be written. */
async function record(
  security: SocketSecurity,
  viewer: Viewer,
  payload: SubscribePayload,
  args: ExecutionArgs | undefined,
  errorCodes: string[],
): Promise<void> {
  const context = args?.contextValue as Context | undefined;
  const operation = args ? getOperationAST(args.document, args.operationName) : null;
  await security.audit.record({
    subject: viewer.subject,
    role: viewer.role,
    method: viewer.method,
    operationName: payload.operationName ?? operation?.name?.value ?? null,
    query: payload.query,
    variables: payload.variables,
    variableTypes: args && operation ? variableTypes(args.schema, operation) : undefined,
    disclosed: context?.access.disclosed ?? [],
    errorCodes,
  });
}

function variableTypes(schema: GraphQLSchema, operation: OperationDefinitionNode): Map<string, GraphQLInputType> {
  const types = new Map<string, GraphQLInputType>();
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    if (type !== undefined && isInputType(type)) types.set(definition.variable.name.value, type);
  }
  return types;
}

function codeOf(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : "UNKNOWN";
}
