import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

import { OperationNotSupportedError, SubscriptionOverHttpError } from "../domain/errors.js";

/**
 * Runs over HTTP the queries and mutations the schema defines. graphql-js 16 does not refuse an
 * operation whose root type the schema lacks in validation: it would fail in execution as an
 * internal error. Such an operation is refused here instead, once the operation is known and before
 * anything runs, with HTTP 400 and its own code; so is a subscription, which is served over
 * WebSocket only (src/alerts/subscription-server.ts). (A GET of a mutation is refused earlier by
 * Apollo, with 405.)
 */
export function queriesOnlyPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (!operation || operation.operation === "query") return;
          const defined = operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
          if (operation.operation === "mutation" && defined) return;
          const refusal = defined ? new SubscriptionOverHttpError() : new OperationNotSupportedError(operation.operation);
          throw new GraphQLError(refusal.message, {
            originalError: refusal,
            extensions: { code: refusal.code, http: { status: 400 } },
          });
        },
      };
    },
  };
}
