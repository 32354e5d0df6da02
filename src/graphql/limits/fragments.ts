import { Kind, type DocumentNode, type FragmentDefinitionNode } from "graphql";

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** The named fragments of a document, by name. */
export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Memoises a measure of fragments: a fragment spread many times (or spreading others many times)
 * is measured once, so that a small document cannot make the measure itself expensive. A spread
 * seen again while its fragment is being measured (a cycle, which validation refuses) counts 0.
 */
export function memoByFragment<T>(measure: (fragment: FragmentDefinitionNode) => T, empty: T): (name: string, fragments: Fragments) => T {
  const done = new Map<string, T>();
  const busy = new Set<string>();
  return (name, fragments) => {
    const known = done.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (fragment === undefined || busy.has(name)) return empty;
    busy.add(name);
    const value = measure(fragment);
    busy.delete(name);
    done.set(name, value);
    return value;
  };
}
