import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import {
  coerceInputValue,
  getNamedType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from "graphql";

/** A variable's value that graphql-js could not coerce to its type: where in the value, and what was wrong. */
export interface VariableProblem {
  /** The variable and the path inside its value, such as `$f.dateFrom` or `$ids[1]`. */
  argument: string;
  /** `missing`: nothing given where a value is required; `null`: null given there; `invalid`: not a value of `expected`. */
  kind: "missing" | "null" | "invalid";
  /** The named type expected at `argument`. */
  expected: GraphQLNamedInputType;
}

/**
 * The variable definition that a variable coercion error is about: graphql-js gives it as the
 * error's only node, and Apollo codes such an error `BAD_USER_INPUT`.
 */
export function variableDefinitionOf(error: GraphQLError): VariableDefinitionNode | undefined {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  return node?.kind === Kind.VARIABLE_DEFINITION ? node : undefined;
}

/**
 * Where in a variable each coercion error of a request lies. graphql-js 16 states the path inside
 * the variable only in the error's message, next to the value (which may be personal data), so it
 * is not read there: when a request has such errors, its variables are coerced again here with
 * graphql-js's own `coerceInputValue`, whose callback gives each path as data, in the order
 * graphql-js reported them. Requests without errors cost nothing more.
 */
export class VariableProblems {
  private readonly found = new WeakMap<GraphQLError, VariableProblem>();

  /** The problem behind `error`, when it is a variable coercion error of a request this plugin saw. */
  of(error: GraphQLError): VariableProblem | undefined {
    return this.found.get(error);
  }

  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    const found = this.found;
    const listener: GraphQLRequestListener<TContext> = {
      async didEncounterErrors({ errors, request, schema }) {
        const byDefinition = new Map<VariableDefinitionNode, GraphQLError[]>();
        for (const error of errors) {
          const definition = variableDefinitionOf(error);
          if (!definition || error.extensions.code !== ApolloServerErrorCode.BAD_USER_INPUT) continue;
          byDefinition.set(definition, [...(byDefinition.get(definition) ?? []), error]);
        }
        for (const [definition, definitionErrors] of byDefinition) {
          const problems = problemsOf(schema, definition, request.variables ?? {});
          // Same function, same value, same type: the same problems in the same order.
          if (problems.length !== definitionErrors.length) continue;
          definitionErrors.forEach((error, index) => found.set(error, problems[index]));
        }
      },
    };
    return { requestDidStart: async () => listener };
  }
}

function problemsOf(schema: GraphQLSchema, definition: VariableDefinitionNode, variables: Record<string, unknown>): VariableProblem[] {
  const name = definition.variable.name.value;
  const type = typeFromAST(schema, definition.type);
  if (!isInputType(type)) return [];
  const variable = `$${name}`;
  // As graphql-js's coerceVariableValues: these two are found before the value is coerced.
  if (!Object.hasOwn(variables, name)) return [{ argument: variable, kind: "missing", expected: getNamedType(type) }];
  const value = variables[name];
  if (value === null && isNonNullType(type)) return [{ argument: variable, kind: "null", expected: getNamedType(type) }];
  const problems: VariableProblem[] = [];
  coerceInputValue(value, type, (path, invalidValue) => {
    problems.push({
      argument: variable + path.map((key) => (typeof key === "number" ? `[${key}]` : `.${key}`)).join(""),
      kind: invalidValue == null ? "null" : "invalid",
      expected: getNamedType(typeAt(type, path)),
    });
  });
  return problems;
}

/** The type at `path` inside a value of `type` (a list also takes a single item: a name then applies to the item). */
function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType {
  let current = type;
  for (const key of path) {
    if (typeof key === "number") {
      const nullable = isNonNullType(current) ? current.ofType : current;
      if (isListType(nullable)) current = nullable.ofType;
    } else {
      const named = getNamedType(current);
      const field = isInputObjectType(named) ? named.getFields()[key] : undefined;
      if (field) current = field.type;
    }
  }
  return current;
}
