import { GraphQLError, Lexer, Source, TokenKind } from "graphql";

/**
 * The number of tokens of a GraphQL document (comments not counted), counted by graphql-js's own
 * lexer without building the document. Counting stops at `stopAfter`: a larger document is not
 * read further. A lexical error ends the count: the parser reports it.
 */
export function countTokens(text: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return count;
}
