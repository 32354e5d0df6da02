import type { CypherExecutor, Parameters, Row } from "../db/cypher-executor.js";
import type { CypherRegistry, QueryName } from "../db/cypher-registry.js";
import { integerParameter } from "../db/values.js";
import {
  OrderDirection,
  type ListOrder,
  type Page,
  type PageRequest,
  type SortedPage,
  type SortedPageRequest,
  type SortValue,
} from "../domain/paging.js";

/** The pair of queries behind one filtered list: a page of it, and how many match in all. */
export interface ListQueries {
  page: QueryName;
  count: QueryName;
}

export const listQueries = {
  seizures: { page: "seizureList", count: "seizureCount" },
  shipments: { page: "shipmentList", count: "shipmentCount" },
  persons: { page: "personList", count: "personCount" },
  companies: { page: "companyList", count: "companyCount" },
  places: { page: "placeList", count: "placeCount" },
  countries: { page: "countryList", count: "countryCount" },
  species: { page: "speciesList", count: "speciesCount" },
} as const satisfies Record<string, ListQueries>;

export type ListName = keyof typeof listQueries;

/**
 * The lists of parties (persons, companies), which can also be sorted by a chosen value and whose
 * items have relationship counts: the query of a sorted page, and of the counts of a batch of items.
 */
export const partyListQueries = {
  persons: { page: "personListOrdered", counts: "personCounts" },
  companies: { page: "companyListOrdered", counts: "companyCounts" },
} as const satisfies Record<string, { page: QueryName; counts: QueryName }>;

export type PartyListName = keyof typeof partyListQueries;

/**
 * Filtered, keyset-paginated lists. Filters arrive as complete parameter maps (every filter key
 * present, null when unused), already validated and converted by the caller.
 */
export class ListRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  async page(list: ListName, filter: Parameters, page: PageRequest): Promise<Page<Row>> {
    const query = this.registry.text(listQueries[list].page);
    // One more than asked tells whether another page follows.
    const rows = await this.executor.read(query, {
      ...filter,
      after: page.after,
      limit: integerParameter(page.first + 1),
    });
    const items = rows.slice(0, page.first).map((row) => row.node as Row);
    return { items, hasNextPage: rows.length > page.first };
  }

  /**
   * A page of a list in a chosen order: the sort value comes back with each item, for its cursor.
   * The default order (id ascending) is `page`, which needs no sort value.
   */
  async sortedPage(
    list: PartyListName,
    filter: Parameters,
    order: ListOrder,
    page: SortedPageRequest,
  ): Promise<SortedPage<Row>> {
    const rows = await this.executor.read(this.registry.text(partyListQueries[list].page), {
      ...filter,
      orderField: order.field,
      descending: order.direction === OrderDirection.DESC,
      // Counts are integers in the graph; a JavaScript number would travel as a float.
      afterValue: typeof page.after?.value === "number" ? integerParameter(page.after.value) : (page.after?.value ?? null),
      afterId: page.after?.id ?? null,
      limit: integerParameter(page.first + 1),
    });
    const kept = rows.slice(0, page.first);
    return {
      items: kept.map((row) => row.node as Row),
      sortValues: kept.map((row) => row.sortValue as SortValue),
      hasNextPage: rows.length > page.first,
    };
  }

  /** The relationship counts of a batch of items, by id (one round trip); unknown ids are absent. */
  async counts(list: PartyListName, ids: readonly string[]): Promise<Map<string, Row>> {
    const rows = await this.executor.read(this.registry.text(partyListQueries[list].counts), { ids });
    return new Map(rows.map(({ key, ...counts }) => [key as string, counts]));
  }

  async count(list: ListName, filter: Parameters): Promise<number> {
    const rows = await this.executor.read(this.registry.text(listQueries[list].count), filter);
    return rows[0].count as number;
  }
}
