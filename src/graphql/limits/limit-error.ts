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
