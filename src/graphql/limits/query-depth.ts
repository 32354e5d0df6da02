import { Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

import { memoByFragment, type Fragments } from "./fragments.js";

/** Introspection's own fields: its standard query is deep by nature and is not counted. */
export const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/**
 * How deeply fields nest in an operation, fragments followed: `{ a }` is 1, `{ a { b } }` is 2.
 * Introspection fields are not counted.
 */
export function queryDepth(operation: OperationDefinitionNode, fragments: Fragments): number {
  const fragmentDepth = memoByFragment((fragment) => depthOf(fragment.selectionSet), 0);
  function depthOf(set: SelectionSetNode): number {
    let deepest = 0;
    for (const selection of set.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        depth = fragmentDepth(selection.name.value, fragments);
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }
  return depthOf(operation.selectionSet);
}
