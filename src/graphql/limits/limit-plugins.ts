import type { ApolloServerPlugin } from "@apollo/server";

import type { LimitSettings } from "../../config.js";
import type { Context } from "../../context.js";
import { DatabaseBudget, enterDatabaseBudget } from "../../db/database-budget.js";
import { ResponseTooLargeError } from "../../domain/errors.js";
import { aliasCount } from "./alias-count.js";
import { directiveCount } from "./directive-count.js";
import { fragmentsOf } from "./fragments.js";
import { LimitCode, limitError } from "./limit-error.js";
import { queryCost } from "./query-cost.js";
import { queryDepth } from "./query-depth.js";

/**
 * Depth, aliases, directives and estimated cost of the operation to run, checked once the
 * document is valid and the operation chosen (the cost reads list sizes from the request's
 * variables), each refused with its own code before any resolver runs, so before any database
 * work. Tokens are counted by the parser itself (`parseOptions`), which stops at the limit so that
 * parsing and validation stay cheap (its error is given its code in format-error.ts).
 *
 * Then, while it runs, the request's database time is budgeted (`maxDatabaseMs`: its queries are
 * refused with DATABASE_BUDGET_EXHAUSTED once it is spent), and a response over `maxResponseBytes`
 * is replaced by a RESPONSE_TOO_LARGE error: the estimate bounds database hits, not the time they
 * take on a larger graph or the size of the text they turn into.
 */
export function limitPlugins(settings: LimitSettings): ApolloServerPlugin<Context>[] {
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, operation, request, schema }) {
            if (!operation) return;
            const fragments = fragmentsOf(document);
            const depth = queryDepth(operation, fragments);
            if (depth > settings.maxDepth) {
              throw limitError(LimitCode.QUERY_TOO_DEEP, `The query nests fields deeper than ${settings.maxDepth} levels`, settings.maxDepth, depth);
            }
            const aliases = aliasCount(operation, fragments);
            if (aliases > settings.maxAliases) {
              throw limitError(LimitCode.TOO_MANY_ALIASES, `The query has more than ${settings.maxAliases} aliases`, settings.maxAliases, aliases);
            }
            const directives = directiveCount(operation, fragments);
            if (directives > settings.maxDirectives) {
              throw limitError(LimitCode.TOO_MANY_DIRECTIVES, `The query has more than ${settings.maxDirectives} directives`, settings.maxDirectives, directives);
            }
            const cost = queryCost(schema, operation, fragments, request.variables ?? {});
            if (cost > settings.maxCost) {
              // The cost is the database hits the query can make, plus the values its response can hold.
              throw limitError(LimitCode.QUERY_TOO_COSTLY, `The query's estimated cost is over ${settings.maxCost}`, settings.maxCost, cost);
            }
          },
          async executionDidStart() {
            // Entered here, before Apollo awaits anything else, so that execution continues in it.
            enterDatabaseBudget(new DatabaseBudget(settings.maxDatabaseMs));
          },
          async willSendResponse({ response }) {
            if (response.body.kind !== "single") return;
            const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
            if (bytes <= settings.maxResponseBytes) return;
            const error = new ResponseTooLargeError(settings.maxResponseBytes);
            response.body.singleResult = {
              errors: [{ message: error.message, extensions: { code: error.code, max: settings.maxResponseBytes, found: bytes } }],
            };
            response.http.status = 400;
          },
        };
      },
    },
  ];
}
