import { Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

import { memoByFragment, type Fragments } from "./fragments.js";

/**
 * How many directives an operation uses: on the operation, its variables, fields, fragments and
 * spreads; a fragment's directives count once per spread.
 */
export function directiveCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  const fragmentDirectives = memoByFragment(
    (fragment) => (fragment.directives?.length ?? 0) + directivesIn(fragment.selectionSet),
    0,
  );
  function directivesIn(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      count += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) count += directivesIn(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += directivesIn(selection.selectionSet);
      } else {
        count += fragmentDirectives(selection.name.value, fragments);
      }
    }
    return count;
  }
  const onVariables = (operation.variableDefinitions ?? []).reduce((sum, variable) => sum + (variable.directives?.length ?? 0), 0);
  return (operation.directives?.length ?? 0) + onVariables + directivesIn(operation.selectionSet);
}
