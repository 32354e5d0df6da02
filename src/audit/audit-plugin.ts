import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import {
  isInputType,
  Kind,
  typeFromAST,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from "graphql";

import type { Context } from "../context.js";
import { DatabaseUnavailableError, type DomainError } from "../domain/errors.js";
import type { AuditEntryInput, AuditTrail } from "./audit-trail.js";
import { AuditUnavailableError } from "./audit-unavailable.error.js";

/**
 * Records every GraphQL operation in the audit trail once its response is ready and before it is
 * sent: Apollo awaits `willSendResponse` before it serialises the body. Failed operations (parse,
 * validation, FORBIDDEN, limits) are recorded too. Fails closed: when the record cannot be written,
 * the response loses its data and carries only an AUDIT_UNAVAILABLE error (HTTP 503), or
 * DATABASE_UNAVAILABLE when the trail is kept in the database and that is away, and `logFailure`
 * gets the cause (a file-system or driver error: it holds no value of the request).
 */
export function auditPlugin(trail: AuditTrail, logFailure: (error: unknown) => void = () => {}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          try {
            await trail.record(entryOf(requestContext));
          } catch (error) {
            withhold(requestContext, error instanceof DatabaseUnavailableError ? error : new AuditUnavailableError());
            logFailure(error);
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
  const operation = operationOf(requestContext);
  return {
    subject: contextValue.viewer.subject,
    role: contextValue.viewer.role,
    method: contextValue.viewer.method,
    operationName: requestContext.operationName ?? request.operationName ?? operation?.name?.value ?? null,
    query: requestContext.source ?? request.query ?? null,
    variables: request.variables,
    variableTypes: variableTypes(requestContext, operation),
    disclosed: contextValue.access.disclosed,
    errorCodes: errors.map((error) => codeOf(error)),
  };
}

/**
 * The operation the request runs: as Apollo resolved it, or, when validation failed before that,
 * the one the document names (or its only one), so that its name and variable types are still known.
 */
function operationOf(requestContext: GraphQLRequestContextWillSendResponse<Context>): OperationDefinitionNode | undefined {
  if (requestContext.operation) return requestContext.operation;
  const operations = (requestContext.document?.definitions ?? []).filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const wanted = requestContext.request.operationName;
  if (wanted) return operations.find((operation) => operation.name?.value === wanted);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The declared type of each variable of the operation; an undeclared or unknown one has none (and is hashed whole). */
function variableTypes(
  requestContext: GraphQLRequestContextWillSendResponse<Context>,
  operation: OperationDefinitionNode | undefined,
): Map<string, GraphQLInputType> | undefined {
  const definitions = operation?.variableDefinitions;
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

/** Replaces the response with that one error (AUDIT_UNAVAILABLE or DATABASE_UNAVAILABLE) and no data. */
function withhold(requestContext: GraphQLRequestContextWillSendResponse<Context>, error: DomainError): void {
  const errors: GraphQLFormattedError[] = [{ message: error.message, extensions: { code: error.code } }];
  const { response } = requestContext;
  response.http.status = 503;
  if (response.body.kind === "single") {
    response.body.singleResult = { errors };
  } else {
    response.body = { kind: "single", singleResult: { errors } };
  }
}
