import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";

/** Hashes one value that may be personal (keyed, so equal values give equal hashes). */
export type ValueHasher = (value: unknown) => string;

/**
 * Scalars whose values say nothing about a person: numbers, flags, country codes and calendar
 * dates (each kept only when it has the scalar's form, since a variable that fails coercion is
 * recorded as sent). Every other scalar (String, ID, anything added later) is hashed.
 */
const KEPT_SCALARS: Record<string, (value: unknown) => boolean> = {
  Int: (value) => typeof value === "number",
  Float: (value) => typeof value === "number",
  Boolean: (value) => typeof value === "boolean",
  CountryCode: (value) => typeof value === "string" && /^[A-Za-z]{2}$/.test(value),
  LocalDate: (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value),
};

/**
 * How deeply redaction follows a value along its type before it hashes the rest whole. The walk
 * recurses once per level of the declared type, which the schema bounds (2 today), but a recursive
 * input type would not be: past this depth, the value is hashed whole by `canonicalJson`, which
 * needs no call stack. (Requests with variables nested deeper than VARIABLES_MAX_DEPTH are refused
 * before they get here; this keeps the trail safe without that guard.)
 */
export const MAX_REDACTED_DEPTH = 64;

/**
 * The variables as the audit trail keeps them: walked along the types the operation declared for
 * them, numbers, flags, enum values, country codes and dates are kept; every other leaf becomes
 * `hash(value)`. A variable the operation does not declare, a value of a type that cannot be
 * resolved, or an input object with a field its type does not have is hashed whole: when in doubt,
 * nothing is kept in clear.
 */
export function redactVariables(
  variables: Record<string, unknown> | null | undefined,
  types: ReadonlyMap<string, GraphQLInputType> | undefined,
  hash: ValueHasher,
): Record<string, unknown> {
  const redacted: Record<string, unknown> = {};
  if (variables === null || variables === undefined || typeof variables !== "object") return redacted;
  for (const [name, value] of Object.entries(variables)) {
    redacted[name] = redactValue(value, types?.get(name), hash, 0);
  }
  return redacted;
}

function redactValue(value: unknown, type: GraphQLInputType | undefined, hash: ValueHasher, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (type === undefined || depth > MAX_REDACTED_DEPTH) return hash(value);
  if (isNonNullType(type)) return redactValue(value, type.ofType, hash, depth);
  if (isListType(type)) {
    // A single value where a list is expected is coerced to a list of one.
    return Array.isArray(value)
      ? value.map((item) => redactValue(item, type.ofType, hash, depth + 1))
      : redactValue(value, type.ofType, hash, depth + 1);
  }
  if (isEnumType(type)) return typeof value === "string" && type.getValue(value) !== undefined ? value : hash(value);
  if (isScalarType(type)) return KEPT_SCALARS[type.name]?.(value) ? value : hash(value);
  if (isInputObjectType(type)) {
    if (typeof value !== "object" || Array.isArray(value)) return hash(value);
    const fields = type.getFields();
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.some(([key]) => !Object.hasOwn(fields, key))) return hash(value);
    return Object.fromEntries(entries.map(([key, item]) => [key, redactValue(item, fields[key].type, hash, depth + 1)]));
  }
  return hash(value);
}
