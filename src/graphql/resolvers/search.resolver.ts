import { createHash } from "node:crypto";

import { Args, Ctx, Query, Resolver } from "type-graphql";

import { CLEARANCE } from "../../auth/access.js";
import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import type { NodeLabel } from "../../domain/graph-schema.js";
import { foldText, queryProblem } from "../../domain/search-text.js";
import { SEARCHABLE_KINDS, type SearchableKind } from "../../repositories/search.repository.js";
import { SearchArgs } from "../inputs/search.args.js";
import { SearchConnection, type SearchHit } from "../types/search.type.js";

/** The `search` root field. */
@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      "Full-text search over persons (names and aliases), companies, places, countries, species (scientific and " +
      "common names, Chinese included) and identifiers, best hits first.",
  })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context): Promise<SearchConnection> {
    const problem = queryProblem(args.query);
    if (problem) throw new BadInputError("query", problem);
    const kinds = visibleKinds(searchableKinds(args.kinds), args.kinds !== null && args.kinds !== undefined, ctx);
    const fingerprint = searchFingerprint(args.query, kinds);
    const offset = args.after == null ? 0 : decodeSearchCursor(args.after, fingerprint);

    const { hits } = await ctx.search.search(args.query, kinds);
    const page = hits.slice(offset, offset + args.first);
    for (const hit of page) ctx.access.disclose(hit.kind, hit.id);
    const edges = page.map((hit, index) => ({
      // The entity is the node's properties with its labels, as the union's resolveType reads them.
      node: { ...hit, entity: hit.entity as unknown as SearchHit["entity"] },
      cursor: encodeSearchCursor(offset + index + 1, fingerprint),
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
 * Search cursors hold the number of hits already seen and a fingerprint of the search they came
 * from, so a cursor of another search or of another list is refused rather than misread. The
 * fingerprint is a hash: the cursor never carries the query's text.
 */
const CURSOR_PREFIX = "search:";

function searchFingerprint(query: string, kinds: readonly SearchableKind[]): string {
  const key = JSON.stringify([foldText(query.trim()), kinds]);
  return createHash("sha256").update(key).digest("base64url").slice(0, 12);
}

function encodeSearchCursor(offset: number, fingerprint: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}:${fingerprint}`, "utf8").toString("base64url");
}

function decodeSearchCursor(cursor: string, fingerprint: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^search:(\d{1,7}):([\w-]{12})$/.exec(text);
  if (!match || encodeSearchCursor(Number(match[1]), match[2]) !== cursor) {
    throw new BadInputError("after", "is not a cursor given by this API");
  }
  if (match[2] !== fingerprint) throw new BadInputError("after", "belongs to a search with another query or other kinds");
  return Number(match[1]);
}
