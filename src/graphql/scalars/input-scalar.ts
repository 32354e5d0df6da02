import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

/**
 * The error a custom scalar throws for a malformed input. The error formatter turns it into
 * `BAD_USER_INPUT` naming the argument, whether the value came inline or in a variable.
 */
export class ScalarInputError extends GraphQLError {
  /** `node` is the inline value, when there is one: it lets the formatter find the argument. */
  constructor(
    readonly reason: string,
    node?: ValueNode,
  ) {
    super(reason, { nodes: node });
  }
}

/** A string scalar whose inputs are checked (and normalised) by `parse`, which returns null when invalid. */
export function stringScalar(options: {
  name: string;
  description: string;
  reason: string;
  parse: (value: string) => string | null;
  specifiedByURL?: string;
}): GraphQLScalarType<string, string> {
  const parse = (value: unknown, node?: ValueNode): string => {
    const parsed = typeof value === "string" ? options.parse(value) : null;
    if (parsed === null) throw new ScalarInputError(options.reason, node);
    return parsed;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    specifiedByURL: options.specifiedByURL,
    serialize: (value) => String(value),
    parseValue: (value) => parse(value),
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined, ast),
  });
}
