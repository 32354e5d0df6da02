import type { Context } from "../../context.js";
import type { NodeLabel } from "../../domain/graph-schema.js";

/** What a hidden or unknown id becomes: no entity has it, so it meets the same answer as any missing id. */
const NO_ENTITY = "\u0000none";

/**
 * The entities named by id arguments, as the viewer may name them. A pseudonym names its entity.
 * An id in clear names its entity unless that entity is of a kind the viewer sees only under
 * pseudonyms: then it names nothing, exactly like an id that exists nowhere, so no answer (data,
 * error or its absence) tells a viewer whether a hidden person, company or identifier exists.
 * Every resolver taking entity ids reads them through here.
 */
export async function entityIds(ctx: Context, ids: readonly string[]): Promise<string[]> {
  const hidden = ctx.access.hiddenKinds();
  return Promise.all(
    ids.map(async (given) => {
      const named = ctx.access.named(given);
      if ("clear" in named) return (await isOfKinds(ctx, hidden, named.clear)) ? NO_ENTITY : named.clear;
      const revealed = named.revealed;
      if (revealed === null) return NO_ENTITY;
      if (revealed.id !== null) return revealed.id;
      const candidates = await ctx.loaders.idsStartingWith(revealed.label as NodeLabel).load(revealed.idPrefix);
      return candidates.find((id) => revealed.isId(id)) ?? NO_ENTITY;
    }),
  );
}

export async function entityId(ctx: Context, id: string): Promise<string> {
  const [named] = await entityIds(ctx, [id]);
  return named;
}

/** A filter whose `ids` may hold pseudonyms, with the entities' own ids in their place. */
export async function filterWithEntityIds<F extends { ids?: string[] | null }>(ctx: Context, filter: F | null): Promise<F | null> {
  return filter?.ids ? { ...filter, ids: await entityIds(ctx, filter.ids) } : filter;
}

async function isOfKinds(ctx: Context, kinds: readonly NodeLabel[], id: string): Promise<boolean> {
  const found = await Promise.all(kinds.map((kind) => ctx.loaders.node(kind).load(id)));
  return found.some((node) => node !== null);
}
