import type { CypherExecutor, Parameters, Row } from "../db/cypher-executor.js";
import type { CypherRegistry, QueryName } from "../db/cypher-registry.js";
import { integerParameter } from "../db/values.js";
import type { Page, PageRequest } from "../domain/paging.js";

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

  async count(list: ListName, filter: Parameters): Promise<number> {
    const rows = await this.executor.read(this.registry.text(listQueries[list].count), filter);
    return rows[0].count as number;
  }
}
