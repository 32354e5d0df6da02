import { Args, Ctx, Query, Resolver } from "type-graphql";

import { CLEARANCE } from "../../auth/access.js";
import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import type { NodeLabel } from "../../domain/graph-schema.js";
import { foldText, queryProblem } from "../../domain/search-text.js";
import { SEARCHABLE_KINDS, type SearchableKind } from "../../repositories/search.repository.js";
import { SearchArgs } from "../inputs/search.args.js";
import { Cost } from "../limits/field-cost.js";
import { SearchConnection, type SearchHit } from "../types/search.type.js";

/** The `search` root field. */
@Resolver()
export class SearchResolver {
  @Cost({ base: 1000, perItem: 5, items: "first" })
  @Query(() => SearchConnection, {
    description:
      "Full-text search over persons (names and aliases), companies, places, countries, species (scientific and " +
      "common names, Chinese included) and identifiers, best hits first.",
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context): Promise<SearchConnection> {
    const problem = queryProblem(args.query);
    if (problem) throw new BadInputError("query", problem);
    const kinds = visibleKinds(searchableKinds(args.kinds), args.kinds !== null && args.kinds !== undefined, ctx);
    const scope = searchScope(args.query, kinds, args.resolved);
    const offset = args.after == null ? 0 : searchOffset(ctx, args.after, scope);

    const { hits } = await ctx.search.search(args.query, kinds, args.resolved);
    const page = hits.slice(offset, offset + args.first);
    for (const hit of page) ctx.access.disclose(hit.kind, hit.id);
    const edges = page.map((hit, index) => ({
      // The entity is the node's properties with its labels, as the union's resolveType reads them.
      node: { ...hit, entity: hit.entity as unknown as SearchHit["entity"] },
      cursor: ctx.access.cursor(scope, [offset + index + 1]),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: offset + args.first < hits.length,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: hits.length,
    };
  }
}

/**
 * The kinds the viewer may find: hits of kinds seen only under pseudonyms would tell whether a name
 * is in the graph, so they are left out, and asking for them by name is FORBIDDEN.
 */
function visibleKinds(kinds: SearchableKind[], asked: boolean, ctx: Context): SearchableKind[] {
  const hidden = kinds.filter((kind) => !ctx.access.seesInClear(kind));
  if (asked && hidden.length > 0) ctx.access.require(CLEARANCE[hidden[0]]!, `search hits of kind ${hidden[0]}`);
  return kinds.filter((kind) => ctx.access.seesInClear(kind));
}

function searchableKinds(kinds: readonly NodeLabel[] | null): SearchableKind[] {
  if (kinds == null) return [...SEARCHABLE_KINDS];
  if (kinds.length === 0) throw new BadInputError("kinds", "must name at least one kind, or be left out");
  for (const kind of kinds) {
    if (!(SEARCHABLE_KINDS as readonly NodeLabel[]).includes(kind)) {
      throw new BadInputError("kinds", `${kind} cannot be searched (searchable: ${SEARCHABLE_KINDS.join(", ")})`);
    }
  }
  return SEARCHABLE_KINDS.filter((kind) => kinds.includes(kind));
}

/**
 * Search cursors are sealed like every other (src/auth/cursors.ts): they hold the number of hits
 * already seen, bound to the search they came from (its folded query and kinds) and the role.
 */
function searchScope(query: string, kinds: readonly SearchableKind[], resolved: boolean): string {
  return JSON.stringify(["search", foldText(query.trim()), kinds, resolved]);
}

function searchOffset(ctx: Context, cursor: string, scope: string): number {
  const [offset] = ctx.access.position(scope, cursor);
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) throw new BadInputError("after", "is not a cursor given by this API");
  return offset as number;
}
