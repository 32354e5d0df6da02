import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { isInputType, typeFromAST, type GraphQLFormattedError, type GraphQLInputType } from "graphql";

import type { Context } from "../context.js";
import type { AuditEntryInput, AuditTrail } from "./audit-trail.js";
import { AuditUnavailableError } from "./audit-unavailable.error.js";

/**
 * Records every GraphQL operation in the audit trail once its response is ready and before it is
 * sent: Apollo awaits `willSendResponse` before it serialises the body. Failed operations (parse,
 * validation, FORBIDDEN, limits) are recorded too. Fails closed: when the record cannot be written,
 * the response loses its data and carries only an AUDIT_UNAVAILABLE error (HTTP 503).
 */
export function auditPlugin(trail: AuditTrail): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          try {
            await trail.record(entryOf(requestContext));
          } catch {
            withhold(requestContext);
          }
        },
      };
    },
  };
}

function entryOf(requestContext: GraphQLRequestContextWillSendResponse<Context>): AuditEntryInput {
  const { contextValue, request, response } = requestContext;
  const body = response.body;
  const errors = (body.kind === "single" ? body.singleResult : body.initialResult).errors ?? [];
  return {
    subject: contextValue.viewer.subject,
    role: contextValue.viewer.role,
    method: contextValue.viewer.method,
    operationName: requestContext.operationName ?? request.operationName ?? null,
    query: requestContext.source ?? request.query ?? null,
    variables: request.variables,
    variableTypes: variableTypes(requestContext),
    disclosed: contextValue.access.disclosed,
    errorCodes: errors.map((error) => codeOf(error)),
  };
}

/** The declared type of each variable of the operation, when it was resolved against the schema. */
function variableTypes(requestContext: GraphQLRequestContextWillSendResponse<Context>): Map<string, GraphQLInputType> | undefined {
  const definitions = requestContext.operation?.variableDefinitions;
  if (!definitions) return undefined;
  const types = new Map<string, GraphQLInputType>();
  for (const definition of definitions) {
    const type = typeFromAST(requestContext.schema, definition.type);
    if (type !== undefined && isInputType(type)) types.set(definition.variable.name.value, type);
  }
  return types;
}

function codeOf(error: GraphQLFormattedError): string {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : "UNKNOWN";
}

/** Replaces the response with an AUDIT_UNAVAILABLE error and no data. */
function withhold(requestContext: GraphQLRequestContextWillSendResponse<Context>): void {
  const error = new AuditUnavailableError();
  const errors: GraphQLFormattedError[] = [{ message: error.message, extensions: { code: error.code } }];
  const { response } = requestContext;
  response.http.status = 503;
  if (response.body.kind === "single") {
    response.body.singleResult = { errors };
  } else {
    response.body = { kind: "single", singleResult: { errors } };
  }
}
