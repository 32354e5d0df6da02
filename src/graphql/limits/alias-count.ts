import { Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

import { memoByFragment, type Fragments } from "./fragments.js";

/** How many aliased fields an operation runs: a fragment's aliases count once per spread. */
export function aliasCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  const fragmentAliases = memoByFragment((fragment) => aliasesIn(fragment.selectionSet), 0);
  function aliasesIn(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count += 1;
        if (selection.selectionSet) count += aliasesIn(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += aliasesIn(selection.selectionSet);
      } else {
        count += fragmentAliases(selection.name.value, fragments);
      }
    }
    return count;
  }
  return aliasesIn(operation.selectionSet);
}
