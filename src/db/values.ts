import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship, type Integer } from "neo4j-driver";

/**
 * Turns what the driver returns into plain values: integers into numbers, dates into ISO strings,
 * nodes and relationships into their properties. Nothing else in the project sees driver types.
 */
export function toPlain(value: unknown): unknown {
  // Text, numbers and booleans first: most values are, and they need no check of the driver's types.
  if (typeof value !== "object") return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isInt(value)) return integerToNumber(value);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  // Built key by key: a map of the result is read once, without the arrays of its entries.
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) plain[key] = toPlain((value as Record<string, unknown>)[key]);
  return plain;
}

function integerToNumber(value: Integer): number {
  if (!value.inSafeRange()) throw new RangeError("integer outside the safe range of JavaScript numbers");
  return value.toNumber();
}

/** A calendar date (`YYYY-MM-DD`, already validated) as a Neo4j `Date` parameter. */
export function dateParameter(isoDate: string | null | undefined): neo4j.Date<number> | null {
  if (!isoDate) return null;
  const [year, month, day] = isoDate.split("-").map(Number);
  return new neo4j.Date(year, month, day);
}

/** Whole numbers for `SKIP`/`LIMIT` must travel as Neo4j integers, not floats. */
export function integerParameter(value: number): Integer {
  return neo4j.int(value);
}
