import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, FormattedExecutionResult, GraphQLSchema, OperationDefinitionNode } from "graphql";

import type { LimitSettings } from "../../config.js";
import type { Context } from "../../context.js";
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
 * While it runs, the request's database time is budgeted (`maxDatabaseMs`, by the context that
 * src/server.ts makes: its queries are refused with DATABASE_BUDGET_EXHAUSTED once it is spent),
 * and here a response over `maxResponseBytes` is replaced by a RESPONSE_TOO_LARGE error: the
 * estimate bounds database hits, not the time they take on a larger graph or the size of the text
 * they turn into. The text measured is kept in `texts` for Apollo to send (ResponseTexts).
 */
export function limitPlugins(settings: LimitSettings, texts: ResponseTexts = new ResponseTexts()): ApolloServerPlugin<Context>[] {
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, operation, request, schema }) {
            if (!operation) return;
            const { depth, aliases, directives } = shapeOf(operation, document);
            if (depth > settings.maxDepth) {
              throw limitError(LimitCode.QUERY_TOO_DEEP, `The query nests fields deeper than ${settings.maxDepth} levels`, settings.maxDepth, depth);
            }
            if (aliases > settings.maxAliases) {
              throw limitError(LimitCode.TOO_MANY_ALIASES, `The query has more than ${settings.maxAliases} aliases`, settings.maxAliases, aliases);
            }
            if (directives > settings.maxDirectives) {
              throw limitError(LimitCode.TOO_MANY_DIRECTIVES, `The query has more than ${settings.maxDirectives} directives`, settings.maxDirectives, directives);
            }
            const cost = costOf(schema, operation, document, request.variables ?? {});
            if (cost > settings.maxCost) {
              // The cost is the database hits the query can make, plus the values its response can hold.
              throw limitError(LimitCode.QUERY_TOO_COSTLY, `The query's estimated cost is over ${settings.maxCost}`, settings.maxCost, cost);
            }
          },
          async willSendResponse({ response }) {
            if (response.body.kind !== "single") return;
            const bytes = Buffer.byteLength(texts.measure(response.body.singleResult));
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

/*
 * Apollo keeps each valid document it has parsed (its document store, keyed by the query text's
 * hash) and hands the same objects to every request with that text, so the measures of an
 * operation asked again are kept instead of walking it again: its depth, aliases and directives
 * depend on it alone, and so does its cost when it declares no variables (the list sizes that
 * variables give are read anew for each request). Held weakly: an operation Apollo drops from its
 * store is dropped here too.
 */
const shapes = new WeakMap<OperationDefinitionNode, { depth: number; aliases: number; directives: number }>();
const fixedCosts = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; cost: number }>();

function shapeOf(operation: OperationDefinitionNode, document: DocumentNode): { depth: number; aliases: number; directives: number } {
  let shape = shapes.get(operation);
  if (!shape) {
    const fragments = fragmentsOf(document);
    shape = { depth: queryDepth(operation, fragments), aliases: aliasCount(operation, fragments), directives: directiveCount(operation, fragments) };
    shapes.set(operation, shape);
  }
  return shape;
}

function costOf(schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode, variables: Readonly<Record<string, unknown>>): number {
  const fixed = (operation.variableDefinitions ?? []).length === 0;
  const known = fixed ? fixedCosts.get(operation) : undefined;
  if (known?.schema === schema) return known.cost;
  const cost = queryCost(schema, operation, fragmentsOf(document), variables);
  if (fixed) fixedCosts.set(operation, { schema, cost });
  return cost;
}

/**
 * The text of each response as the size limit measured it, handed to Apollo as its
 * `stringifyResult` so that a response is serialised once, not twice. The text is Apollo's own
 * (its default: the fields errors, data and extensions in that order, then a newline). It is kept
 * by the response's `data` object, and sent only when Apollo asks for that same data with the same
 * errors and extensions; a response replaced after it was measured (the audit trail withholding
 * its data) is serialised afresh. A response without data (errors only) is small and not kept.
 */
export class ResponseTexts {
  private readonly texts = new WeakMap<object, { text: string; result: FormattedExecutionResult }>();

  /** The text of `result`, kept for `stringify` when it has data. */
  measure(result: FormattedExecutionResult): string {
    const text = apolloText(result);
    if (isObject(result.data)) this.texts.set(result.data, { text, result });
    return text;
  }

  /** Apollo's `stringifyResult`: the text measured for this result, else a new one. */
  readonly stringify = (value: FormattedExecutionResult): string => {
    const kept = isObject(value.data) ? this.texts.get(value.data) : undefined;
    if (kept && kept.result.errors === value.errors && kept.result.extensions === value.extensions) return kept.text;
    return apolloText(value);
  };
}

function apolloText(result: FormattedExecutionResult): string {
  return JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) + "\n";
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
