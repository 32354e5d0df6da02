import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/**
 * Walks a built schema to reach every argument that takes text, for tests that feed arguments
 * with hostile values. Values are built from the schema alone; the ids and codes below exist in the
 * fixture graph (cypher/seed/fixture.cypher), so that the fields around an argument resolve.
 */

/** A valid value for each scalar, used for required arguments other than the one under test. */
export const SAMPLE_SCALARS: Record<string, unknown> = {
  ID: "fixture-person-1",
  String: "fixture",
  Int: 1,
  Float: 1,
  Boolean: false,
  CountryCode: "VN",
  LocalDate: "2020-01-01",
};

/** Scalars that carry numbers or truth values, not text. */
const NON_TEXT_SCALARS = new Set(["Int", "Float", "Boolean"]);

/** How a type is reached from the root: the text before and after a selection on it. */
export interface Reach {
  open: string;
  close: string;
  depth: number;
}

/**
 * The shortest way to each object or interface type from Query, through fields whose required
 * arguments get sample values; list sizes are set to 1 to keep the answers small. Fields that
 * need no argument are tried first: a list reaches objects that exist, a sample id may not.
 */
export function reachTypes(schema: GraphQLSchema): Map<string, Reach> {
  const query = schema.getQueryType();
  if (!query) throw new Error("the schema has no Query type");
  const reached = new Map<string, Reach>([[query.name, { open: "", close: "", depth: 0 }]]);
  for (const withRequired of [false, true]) {
    const queue: GraphQLCompositeType[] = [...reached.keys()].map((name) => schema.getType(name) as GraphQLCompositeType);
    while (queue.length > 0) {
      const parent = queue.shift()!;
      const at = reached.get(parent.name)!;
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      for (const field of Object.values(parent.getFields())) {
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) continue;
        if (!withRequired && field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined)) continue;
        const head = `${field.name}${argumentsText(field, { small: true })} { `;
        const targets: [GraphQLNamedType, string, string][] = [];
        if (isAbstractType(type)) {
          if (isInterfaceType(type)) targets.push([type, head, " }"]);
          for (const member of schema.getPossibleTypes(type)) targets.push([member, `${head}... on ${member.name} { `, " } }"]);
        } else {
          targets.push([type, head, " }"]);
        }
        for (const [target, open, close] of targets) {
          if (reached.has(target.name)) continue;
          reached.set(target.name, { open: at.open + open, close: close + at.close, depth: at.depth + 1 });
          queue.push(target as GraphQLCompositeType);
        }
      }
    }
  }
  return reached;
}

/** The arguments of a field as text: required ones with sample values, list sizes of 1 when `small`. */
export function argumentsText(
  field: GraphQLField<unknown, unknown>,
  options: { small?: boolean; except?: string; target?: string } = {},
): string {
  const parts: string[] = [];
  for (const argument of field.args) {
    if (argument.name === options.except && options.target !== undefined) {
      parts.push(`${argument.name}: ${options.target}`);
      continue;
    }
    if (options.small && ["first", "limit"].includes(argument.name)) {
      parts.push(`${argument.name}: 1`);
      continue;
    }
    if (isNonNullType(argument.type) && argument.defaultValue === undefined) {
      parts.push(`${argument.name}: ${literal(sampleValue(argument.type))}`);
    }
  }
  return parts.length === 0 ? "" : `(${parts.join(", ")})`;
}

/** A valid value of an input type: required fields of input objects only. */
export function sampleValue(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sampleValue(nullable.ofType)];
  if (isEnumType(nullable)) return { enum: nullable.getValues()[0].name };
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  return SAMPLE_SCALARS[nullable.name] ?? "fixture";
}

/** A value as GraphQL literal text (enum values are written as `{ enum: NAME }`). */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    if ("enum" in value && Object.keys(value).length === 1) return String((value as { enum: string }).enum);
    return `{ ${Object.entries(value).map(([key, inner]) => `${key}: ${literal(inner)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** A small selection on a type: its leaf fields without required arguments, and one level of lists' leaves. */
export function smallSelection(type: GraphQLNamedType, levels = 2): string {
  if (isLeafType(type)) return "";
  if (!isObjectType(type) && !isInterfaceType(type)) return "{ __typename }";
  const parts = ["__typename"];
  for (const field of Object.values((type as GraphQLObjectType).getFields())) {
    if (field.args.some((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (levels > 1 && isListType(getNullableType(field.type))) parts.push(`${field.name} ${smallSelection(inner, levels - 1)}`);
    else if (levels > 1 && ["edges", "node", "nodes"].includes(field.name)) parts.push(`${field.name} ${smallSelection(inner, levels - 1)}`);
  }
  return `{ ${parts.join(" ")} }`;
}

/** One argument (or field of an input argument) that takes text, with a query that sets it from `$value`. */
export interface TextArgument {
  /** Such as `Query.persons(filter.name)`. */
  name: string;
  /** The query; its variable `$value` holds the text. */
  query: string;
  /** The value to send for a text: wrapped in lists as the argument's type needs. */
  variableFor(text: string): unknown;
}

/**
 * Every argument of the schema that takes text (String, ID and custom scalars but numbers and
 * truth values), including fields of input objects, on every type reachable from Query. With
 * `enums`, the arguments that take enum values instead (labels, relationship types, sort keys).
 */
export function textArguments(schema: GraphQLSchema, options: { enums?: boolean } = {}): TextArgument[] {
  const found: TextArgument[] = [];
  for (const [typeName, reach] of reachTypes(schema)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const argument of field.args) {
        for (const leaf of textLeaves(argument, options.enums ?? false)) {
          const selection = smallSelection(getNamedType(field.type));
          const target = leaf.path.length === 0 ? "$value" : nestedTarget(argument.type, leaf.path);
          const args = argumentsText(field, { small: true, except: argument.name, target });
          found.push({
            name: `${typeName}.${field.name}(${[argument.name, ...leaf.path].join(".")})`,
            query: `query($value: ${leaf.type.toString()}) { ${reach.open}${field.name}${args} ${selection}${reach.close} }`,
            variableFor: (text) => shape(leaf.type, text),
          });
        }
      }
    }
  }
  return found;
}

interface TextLeaf {
  path: string[];
  type: GraphQLInputType;
}

function textLeaves(argument: GraphQLArgument, enums: boolean): TextLeaf[] {
  const leaves: TextLeaf[] = [];
  const visit = (type: GraphQLInputType, path: string[], seen: Set<string>) => {
    const named = getNamedType(type);
    if (isScalarType(named)) {
      if (!enums && !NON_TEXT_SCALARS.has(named.name)) leaves.push({ path, type });
      return;
    }
    if (isEnumType(named)) {
      if (enums) leaves.push({ path, type });
      return;
    }
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields())) visit(field.type, [...path, field.name], new Set([...seen, named.name]));
  };
  visit(argument.type, [], new Set());
  return leaves;
}

/** `{ a: { b: $value } }` for the path a.b inside an input argument, required fields filled in. */
function nestedTarget(type: GraphQLInputType, path: string[]): string {
  const named = getNamedType(type);
  if (path.length === 0 || !isInputObjectType(named)) return "$value";
  const [head, ...rest] = path;
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.name === head) parts.push(`${field.name}: ${nestedTarget(field.type, rest)}`);
    else if (isNonNullType(field.type) && field.defaultValue === undefined) parts.push(`${field.name}: ${literal(sampleValue(field.type))}`);
  }
  const object = `{ ${parts.join(", ")} }`;
  return isListType(getNullableType(type)) ? `[${object}]` : object;
}

function shape(type: GraphQLInputType, text: string): unknown {
  const nullable = getNullableType(type);
  return isListType(nullable) ? [shape(nullable.ofType, text)] : text;
}
