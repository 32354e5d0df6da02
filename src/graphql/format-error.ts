import { ApolloServerErrorCode } from "@apollo/server/errors";
import type { ValidationError } from "class-validator";
import {
  GraphQLError,
  isEnumType,
  isInputObjectType,
  Kind,
  Lexer,
  parse,
  print,
  TokenKind,
  visit,
  type ASTNode,
  type GraphQLFormattedError,
  type VariableDefinitionNode,
} from "graphql";
import { ArgumentValidationError } from "type-graphql";

import { BadInputError, DomainError, NotFoundError } from "../domain/errors.js";
import { LIMIT_CODES, LimitCode } from "./limits/limit-error.js";
import { ScalarInputError } from "./scalars/input-scalar.js";
import { variableDefinitionOf, type VariableProblem, type VariableProblems } from "./variable-problems.js";

/** Apollo's codes for requests refused before execution; their messages are written for clients. */
const CLIENT_CODES: ReadonlySet<string> = new Set([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

export type ErrorLogger = (error: unknown) => void;

export interface ErrorFormatterOptions {
  /** The parser's token limit (`parseOptions.maxLexicalTokens`), so that reaching it is told from a syntax error. */
  maxTokens?: number;
  /** Where in their variables the request's coercion errors lie (its plugin must be installed). */
  variableProblems?: VariableProblems;
}

type Where = Pick<GraphQLFormattedError, "locations" | "path">;

/**
 * The edge between the project's errors and clients: every error leaves with a stable
 * `extensions.code`; bad arguments name the argument; anything unforeseen is logged and masked.
 * Values sent by the client are never echoed back (they may be personal data).
 *
 * Errors are told apart by where they come from, never by their wording: the project's domain
 * errors and the scalars' and validators' errors by class (however deeply graphql-js and Apollo
 * wrap them), a variable's coercion error by the variable definition graphql-js gives as its node,
 * the parser's token limit by the position of the token past the limit, the rest by the code
 * Apollo or the project's limit plugins set.
 */
export function createErrorFormatter(logUnexpected: ErrorLogger, options: ErrorFormatterOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where: Where = { locations: formatted.locations, path: formatted.path };
    const cause = causeOf(error);

    if (cause instanceof BadInputError) return badInput(where, cause.argument, cause.message);
    if (cause instanceof NotFoundError) {
      return { message: cause.message, ...where, extensions: { code: cause.code, argument: cause.argument } };
    }
    if (cause instanceof DomainError) return { message: cause.message, ...where, extensions: { code: cause.code } };
    if (cause instanceof ArgumentValidationError) {
      const { argument, reason } = firstViolation(cause.extensions.validationErrors as ValidationError[]);
      return badInput(where, argument, `Invalid argument "${argument}": ${reason}`);
    }

    const code = formatted.extensions?.code;
    if (error instanceof GraphQLError) {
      // A variable's value graphql-js could not coerce: its message repeats the value.
      const definition = variableDefinitionOf(error);
      if (definition && code === ApolloServerErrorCode.BAD_USER_INPUT) {
        const problem = options.variableProblems?.of(error);
        const argument = problem?.argument ?? `$${definition.variable.name.value}`;
        return badInput(where, argument, `Invalid argument "${argument}": ${variableReason(definition, problem, cause)}`);
      }
      // A malformed inline value of one of the project's scalars, found in validation.
      if (cause instanceof ScalarInputError) {
        const argument = inlineArgumentOf(error);
        return badInput(where, argument, `Invalid argument "${argument}": ${cause.reason}`);
      }
      // The token limit is the parser's, which reports it as a syntax error.
      if (code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED && options.maxTokens !== undefined && stoppedAtTokenLimit(error, options.maxTokens)) {
        const max = options.maxTokens;
        return { message: `The query has more than ${max} tokens`, ...where, extensions: { code: LimitCode.TOO_MANY_TOKENS, max } };
      }
      // Found by the injection and fuzz tests.
      // A request Apollo refuses with a 4xx status but no code, such as a persisted query whose hash
      // does not match its text: a client's mistake, not an internal error.
      if (error.extensions.code === undefined && clientStatus(error.extensions.http)) {
        return { message: formatted.message, ...where, extensions: { code: ApolloServerErrorCode.BAD_REQUEST } };
      }
    }
    // A query over one of the limits plugins': its code, the limit and what the query came to.
    if (typeof code === "string" && LIMIT_CODES.has(code)) {
      const { max, found } = formatted.extensions ?? {};
      return { message: formatted.message, ...where, extensions: { code, max, ...(found === undefined ? {} : { found }) } };
    }
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    logUnexpected(cause);
    return { message: "Internal server error", ...where, extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/**
 * What was first thrown: graphql-js wraps a resolver's error (with its path), Apollo wraps a
 * plugin's (without one) and its own parse, validation and input errors, each keeping the one
 * it wraps as `originalError`.
 */
function causeOf(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

function clientStatus(http: unknown): boolean {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

function badInput(where: Where, argument: string, message: string): GraphQLFormattedError {
  return { message, ...where, extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, argument } };
}

/**
 * Why a variable's value was refused, from the type expected where it is wrong. Only an input
 * object's problems (not an object, a required field missing, a field it does not have) keep
 * graphql-js's message: it names types and fields, never the value.
 */
function variableReason(definition: VariableDefinitionNode, problem: VariableProblem | undefined, cause: unknown): string {
  if (cause instanceof ScalarInputError) return cause.reason;
  if (!problem) return `must be a value of type ${print(definition.type)}`;
  if (problem.kind === "missing") return `is required (${print(definition.type)})`;
  if (problem.kind === "null") return "must not be null";
  if (isEnumType(problem.expected)) return `not a value of the ${problem.expected.name} enum`;
  if (isInputObjectType(problem.expected) && cause instanceof GraphQLError) return cause.message;
  return `must be of type ${problem.expected.name}`;
}

/** The first broken rule of a class-validator result, with the dotted path of the property. */
function firstViolation(errors: ValidationError[], prefix = ""): { argument: string; reason: string } {
  const first = errors[0];
  const argument = prefix + first.property;
  if (first.constraints) {
    // class-validator starts each message with the property name: "first must not be greater than 100".
    const message = Object.values(first.constraints)[0];
    return { argument, reason: message.startsWith(`${first.property} `) ? message.slice(first.property.length + 1) : message };
  }
  return firstViolation(first.children ?? [], `${argument}.`);
}

/**
 * The argument a malformed inline value was given to, as a dotted path such as `filter.country`:
 * the document is walked down to the value node the scalar's error names.
 */
function inlineArgumentOf(error: GraphQLError): string {
  const target = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (target === undefined || body === undefined) return "unknown";
  const names: string[] = [];
  let found: string | undefined;
  visit(parse(body), {
    enter(node: ASTNode) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) names.push(node.name.value);
      if (found === undefined && node.loc?.start === target && isValue(node)) found = names.join(".");
    },
    leave(node: ASTNode) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) names.pop();
    },
  });
  return found ?? "unknown";
}

function isValue(node: ASTNode): boolean {
  return node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT || node.kind === Kind.ENUM || node.kind === Kind.BOOLEAN;
}

/**
 * Whether a syntax error is the parser stopping at its token limit: graphql-js then reports the
 * start of the first token past the limit. Lexing the document again (no further than the limit)
 * finds where that token starts; a genuine syntax error lies before it, or is the lexer failing
 * on it.
 */
function stoppedAtTokenLimit(error: GraphQLError, maxTokens: number): boolean {
  const position = error.positions?.[0];
  if (position === undefined || error.source === undefined) return false;
  const lexer = new Lexer(error.source);
  try {
    for (let count = 0; count <= maxTokens; count++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF || token.start > position) return false;
      if (count === maxTokens) return token.start === position;
    }
  } catch {
    // The lexer failed before or at that token: a syntax error of its own.
  }
  return false;
}
