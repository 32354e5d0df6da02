import { GraphQLError } from "graphql";

/** The codes of the query limits, one per limit, in `extensions.code`. */
export const LimitCode = {
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

export const LIMIT_CODES: ReadonlySet<string> = new Set(Object.values(LimitCode));

/**
 * A query refused for going over a limit: HTTP 400, the limit's code, the limit and what the query
 * came to (`max`, and `found` when it is known), so that a client can tell how far to cut it down.
 */
export function limitError(code: LimitCode, message: string, max: number, found?: number): GraphQLError {
  const extensions = found === undefined ? { code, max } : { code, max, found };
  return new GraphQLError(found === undefined ? message : `${message} (it has ${found})`, {
    extensions: { ...extensions, http: { status: 400 } },
  });
}

/** graphql-js's own error when a document has more tokens than `parseOptions.maxLexicalTokens` (16.x says "more that"). */
const PARSER_TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The token limit is enforced by the parser (so that an oversized document is never built or
 * validated), which reports it as a syntax error; this reads that error as the limit it is.
 */
export function tokenLimitOf(message: string): { message: string; max: number } | undefined {
  const match = PARSER_TOKEN_LIMIT.exec(message);
  if (!match) return undefined;
  return { message: `The query has more than ${match[1]} tokens`, max: Number(match[1]) };
}
