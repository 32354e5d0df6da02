import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

import { declaredCost, type FieldCost } from "./field-cost.js";
import { memoByFragment, type Fragments } from "./fragments.js";

/** Arguments that say how many items a list (or a connection's list) holds. */
export const SIZE_ARGUMENTS = ["first", "last", "limit"] as const;

/** Items assumed in a list whose size no argument gives (a person's identifiers, a path's nodes). */
export const UNSIZED_LIST_ITEMS = 10;

/** A field as selected, with its definition: where a cost's arguments are read. */
interface Selected {
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
}

/**
 * The estimated cost of an operation, in database hits: what each field makes Neo4j do (its
 * declared FieldCost, field-cost.ts), plus 1 for each value the response can hold, each times the
 * items of every list around it. A list's items are its `first`, `last` or `limit` argument (a
 * literal, a variable's value, or the argument's default), given on the list field itself or on the
 * connection or view that holds it (`companies(first: 50) { edges }`, `network(limit: 500) { nodes
 * edges }`); other lists count UNSIZED_LIST_ITEMS. Introspection fields and `__typename` are free.
 * Both sides of every type condition are counted, so a union costs the sum of its members'
 * selections.
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const root = operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }

  // A fragment's cost depends on the list size and the field handed down to it, not on the
  // multiplier around it.
  const fragmentCosts = new Map<FieldNode | null, Map<number | null, (name: string, fragments: Fragments) => number>>();
  function fragmentCost(name: string, sizeHandedDown: number | null, holder: Selected | null): number {
    let bySize = fragmentCosts.get(holder?.node ?? null);
    if (!bySize) fragmentCosts.set(holder?.node ?? null, (bySize = new Map()));
    let measure = bySize.get(sizeHandedDown);
    if (!measure) {
      measure = memoByFragment((fragment) => {
        const type = schema.getType(fragment.typeCondition.name.value);
        return isCompositeType(type) ? costOf(fragment.selectionSet, type, sizeHandedDown, holder) : 0;
      }, 0);
      bySize.set(sizeHandedDown, measure);
    }
    return measure(name, fragments);
  }

  function costOf(set: SelectionSetNode, parent: GraphQLCompositeType, sizeHandedDown: number | null, holder: Selected | null): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(type)) cost += costOf(selection.selectionSet, type, sizeHandedDown, holder);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        cost += fragmentCost(selection.name.value, sizeHandedDown, holder);
        continue;
      }
      if (selection.name.value.startsWith("__")) continue;
      const field = fieldOf(parent, selection.name.value);
      if (!field) continue;
      const size = sizeOf(selection, field);
      const isList = isListType(getNullableType(field.type));
      const items = isList ? (size ?? sizeHandedDown ?? UNSIZED_LIST_ITEMS) : 1;
      const type = getNamedType(field.type);
      const selected = { node: selection, field };
      let inside = 0;
      if (selection.selectionSet && isCompositeType(type)) {
        inside = costOf(selection.selectionSet, type, isList ? null : size, selected);
      }
      const declared = declaredCost(field.extensions);
      const work = declared ? databaseHits(declared, selected, holder, items) : 0;
      cost += work + items * (1 + inside);
    }
    return cost;
  }

  /** base + perItem × items × multipliers, the arguments read from the field or its holder. */
  function databaseHits(declared: FieldCost, selected: Selected, holder: Selected | null, listItems: number): number {
    const argument = (name: string) => argumentValue(selected, name) ?? (holder ? argumentValue(holder, name) : undefined) ?? 1;
    const items = declared.items === undefined ? listItems : argument(declared.items);
    const multiplier = (declared.multipliers ?? []).reduce((product, name) => product * argument(name), 1);
    return (declared.base ?? 0) + (declared.perItem ?? 0) * items * multiplier;
  }

  /** A numeric argument's value (a list argument: its number of values), given or by default. */
  function argumentValue({ node, field }: Selected, name: string): number | undefined {
    const definition = field.args.find((argument) => argument.name === name);
    if (!definition) return undefined;
    const given = node.arguments?.find((argument) => argument.name.value === name);
    const value = given ? countOf(given.value) : undefined;
    if (value !== undefined) return Math.max(0, value);
    const fallback = definition.defaultValue;
    if (typeof fallback === "number") return Math.max(0, fallback);
    return Array.isArray(fallback) ? fallback.length : undefined;
  }

  function countOf(node: ValueNode): number | undefined {
    if (node.kind === Kind.LIST) return node.values.length;
    if (node.kind === Kind.VARIABLE) {
      const given = variables[node.name.value];
      if (Array.isArray(given)) return given.length;
      const fallback = variableDefaults.get(node.name.value);
      if (given === undefined && fallback?.kind === Kind.LIST) return fallback.values.length;
    }
    return valueOf(node);
  }

  function sizeOf(node: FieldNode, field: GraphQLField<unknown, unknown>): number | null {
    for (const name of SIZE_ARGUMENTS) {
      const definition = field.args.find((argument) => argument.name === name);
      if (!definition) continue;
      const given = node.arguments?.find((argument) => argument.name.value === name);
      const value = given ? valueOf(given.value) : undefined;
      const size = value ?? (typeof definition.defaultValue === "number" ? definition.defaultValue : undefined);
      if (size !== undefined) return Math.max(0, size);
    }
    return null;
  }

  function valueOf(node: ValueNode): number | undefined {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind !== Kind.VARIABLE) return undefined;
    const name = node.name.value;
    const given = variables[name];
    if (typeof given === "number" && Number.isFinite(given)) return Math.trunc(given);
    const fallback = variableDefaults.get(name);
    return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
  }

  return costOf(operation.selectionSet, root, null, null);
}

/** A union has no fields of its own: its members' fields come through type conditions. */
function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}
