/**
 * The aliases of an entity standing for its resolved cluster (persons or companies joined by live
 * SAME decisions): its own aliases, then every other member's name and aliases, each once, its own
 * name left out, so that every name of the entity is on it.
 */
export function clusterAliases(
  entity: Readonly<Record<string, unknown>>,
  members: readonly { readonly name: string; readonly aliases: readonly string[] }[],
): string[] {
  const own = Array.isArray(entity.aliases) ? (entity.aliases as string[]) : [];
  const names = new Set([...own, ...members.flatMap((member) => [member.name, ...member.aliases])]);
  names.delete(entity.name as string);
  return [...names];
}
