import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

import { OperationNotSupportedError } from "../domain/errors.js";

/**
 * The schema has no Mutation or Subscription type, and graphql-js 16 does not refuse such an
 * operation in validation: it would fail in execution as an internal error. It is refused here
 * instead, once the operation is known and before anything runs, with HTTP 400 and its own code.
 * (A GET of one is refused earlier by Apollo, with 405.)
 */
export function queriesOnlyPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (!operation || operation.operation === "query") return;
          const refusal = new OperationNotSupportedError(operation.operation);
          throw new GraphQLError(refusal.message, {
            originalError: refusal,
            extensions: { code: refusal.code, http: { status: 400 } },
          });
        },
      };
    },
  };
}
