import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, Kind, parse, visit, type ASTNode, type GraphQLFormattedError } from "graphql";
import type { ValidationError } from "class-validator";
import { ArgumentValidationError } from "type-graphql";

import { BadInputError, DomainError, NotFoundError } from "../domain/errors.js";
import { LIMIT_CODES, LimitCode, tokenLimitOf } from "./limits/limit-error.js";
import { ScalarInputError } from "./scalars/input-scalar.js";

/** Codes whose messages are written for clients and safe to pass on. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

export type ErrorLogger = (error: unknown) => void;

/**
 * The edge between the project's errors and clients: every error leaves with a stable
 * `extensions.code`; bad arguments name the argument; anything unforeseen is logged and masked.
 * Values sent by the client are never echoed back (they may be personal data).
 */
export function createErrorFormatter(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = { locations: formatted.locations, path: formatted.path };
    const original = unwrapResolverError(error);

    if (original instanceof BadInputError) {
      return badInput(where, original.argument, original.message);
    }
    if (original instanceof NotFoundError) {
      return { message: original.message, ...where, extensions: { code: original.code, argument: original.argument } };
    }
    if (original instanceof DomainError) {
      return { message: original.message, ...where, extensions: { code: original.code } };
    }
    if (original instanceof ArgumentValidationError) {
      const { argument, reason } = firstViolation(original.extensions.validationErrors as ValidationError[]);
      return badInput(where, argument, `Invalid argument "${argument}": ${reason}`);
    }
    // Inline values: graphql-js reports the scalar's own error. Variables: it wraps it.
    const scalarError = error instanceof ScalarInputError ? error : (error as GraphQLError).originalError;
    if (error instanceof GraphQLError && scalarError instanceof ScalarInputError) {
      const argument = argumentOf(error, scalarError.reason);
      return badInput(where, argument, `Invalid argument "${argument}": ${scalarError.reason}`);
    }
    // Found by the injection and fuzz tests.
    // A request Apollo refuses with a 4xx status but no code, such as a persisted query whose hash
    // does not match its text: a client's mistake, not an internal error.
    if (error instanceof GraphQLError && error.extensions.code === undefined && clientStatus(error.extensions.http)) {
      return { message: formatted.message, ...where, extensions: { code: "BAD_REQUEST" } };
    }
    // A variable of the wrong type: graphql-js's message repeats the value.
    const coercion = variableCoercionError(error);
    if (coercion) return badInput(where, coercion.argument, `Invalid argument "${coercion.argument}": ${coercion.reason}`);
    const code = formatted.extensions?.code;
    // A query over a limit: its code, the limit and what the query came to.
    const tokenLimit = code === "GRAPHQL_PARSE_FAILED" ? tokenLimitOf(formatted.message) : undefined;
    if (tokenLimit) {
      return { message: tokenLimit.message, ...where, extensions: { code: LimitCode.TOO_MANY_TOKENS, max: tokenLimit.max } };
    }
    if (typeof code === "string" && LIMIT_CODES.has(code)) {
      const { max, found } = formatted.extensions ?? {};
      return { message: formatted.message, ...where, extensions: { code, max, ...(found === undefined ? {} : { found }) } };
    }
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    logUnexpected(original);
    return { message: "Internal server error", ...where, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

function clientStatus(http: unknown): boolean {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * A variable graphql-js could not coerce (an unknown enum value, text for an Int, a list for an
 * object): `Variable "$v" got invalid value <the value> at "v.path"; <reason>`. The value and the
 * reason's own copy of it are left out; the variable and the path inside it are kept.
 */
function variableCoercionError(error: unknown): { argument: string; reason: string } | undefined {
  if (!(error instanceof GraphQLError) || !/^Variable "\$\w+" got invalid value /.test(error.message)) return undefined;
  const inner = error.originalError;
  if (!(inner instanceof Error) || !error.message.endsWith(`; ${inner.message}`)) return undefined;
  const enumValue = /^Value .* does not exist in "(\w+)" enum\./s.exec(inner.message);
  const reason = enumValue
    ? `not a value of the ${enumValue[1]} enum`
    : inner.message.replace(/: .*$/s, "").replace(/\.$/, "");
  return { argument: argumentOf(error, inner.message), reason };
}

function badInput(
  where: Pick<GraphQLFormattedError, "locations" | "path">,
  argument: string,
  message: string,
): GraphQLFormattedError {
  return { message, ...where, extensions: { code: "BAD_USER_INPUT", argument } };
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
 * The argument a malformed scalar was given to, as a dotted path such as `filter.country`. For a
 * variable, graphql-js names the variable and the path inside it; for an inline value, the path is
 * found by walking the document down to the offending value.
 */
function argumentOf(error: GraphQLError, reason: string): string {
  // `Variable "$f" got invalid value <value> at "f.dateFrom"; <reason>`; the value may hold anything.
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(error.message);
  if (variable) {
    const head = error.message.endsWith(`; ${reason}`) ? error.message.slice(0, -(reason.length + 2)) : error.message;
    const inside = / at "([^"]+)"$/.exec(head)?.[1];
    return inside ? inside.replace(/^\w+/, `$${variable[1]}`) : `$${variable[1]}`;
  }
  const target = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (target === undefined || body === undefined) return "unknown";
  const names: string[] = [];
  let found: string | undefined;
  visit(parse(body), {
    enter(node: ASTNode) {
      if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) names.push(node.name.value);
      if (found === undefined && node.loc?.start === target && "kind" in node && isValue(node)) found = names.join(".");
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
