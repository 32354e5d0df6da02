import type { ApolloServerPlugin } from "@apollo/server";

import type { LimitSettings } from "../../config.js";
import type { Context } from "../../context.js";
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
              // The cost is the number of values the response can hold, list sizes multiplied.
              throw limitError(LimitCode.QUERY_TOO_COSTLY, `The query's estimated cost is over ${settings.maxCost}`, settings.maxCost, cost);
            }
          },
        };
      },
    },
  ];
}
