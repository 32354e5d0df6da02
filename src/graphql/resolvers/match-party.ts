import type { Context } from "../../context.js";
import { MATCH_LABEL, type MatchKind } from "../../domain/match-kind.js";
import type { Company } from "../types/company.type.js";
import type { Person } from "../types/person.type.js";

/**
 * One entity of a resolution candidate or decision, as a Party, through the request's loader: a
 * page's entities load in one query. Null when it was deleted since.
 */
export async function matchParty(ctx: Context, kind: MatchKind, id: string): Promise<Person | Company | null> {
  const label = MATCH_LABEL[kind];
  const row = await ctx.loaders.node(label).load(id);
  // The Party union tells persons from companies by their labels.
  return row ? ({ ...row, labels: [label] } as unknown as Person | Company) : null;
}
