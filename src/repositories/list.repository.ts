import { isDate, isInt, type Date as CypherDate, type Integer } from "neo4j-driver";

import type { CypherExecutor, Parameters } from "../db/cypher-executor.js";
import type { CypherQuery, NoSlots } from "../db/cypher-query.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import {
  companyCount,
  companyCounts,
  companyList,
  companyListOrdered,
  countryCount,
  countryList,
  personCount,
  personCounts,
  personList,
  personListOrdered,
  placeCount,
  placeList,
  seizureCount,
  seizureList,
  seizureListOrdered,
  shipmentCount,
  shipmentList,
  speciesCount,
  speciesList,
  type CompanyCountParameters,
  type CompanyCountsRow,
  type CountryCountParameters,
  type PersonCountParameters,
  type PersonCountsRow,
  type PlaceCountParameters,
  type SeizureCountParameters,
  type ShipmentCountParameters,
  type SpeciesCountParameters,
} from "../db/queries.generated.js";
import { integerParameter } from "../db/values.js";
import {
  OrderDirection,
  type ListOrder,
  type SortedPageRequest,
  type SortValue,
} from "../domain/paging.js";

/** The filter parameters of each list: those of its count query, which its page queries take too. */
export interface ListFilters {
  seizures: SeizureCountParameters;
  shipments: ShipmentCountParameters;
  persons: PersonCountParameters;
  companies: CompanyCountParameters;
  places: PlaceCountParameters;
  countries: CountryCountParameters;
  species: SpeciesCountParameters;
}

export type ListName = keyof ListFilters;

/** A page of a list in id order (keyset pagination): its filters, the last id of the previous page, one more than the page. */
export type PageQuery<F> = CypherQuery<F & { after: string | null; limit: Integer }, { id: string }, NoSlots, "read">;

/** How many items of a list match its filters. */
export type CountQuery<F> = CypherQuery<F, { count: number }, NoSlots, "read">;

/**
 * The pair of queries behind one filtered list (a page of it, and how many match in all), and how
 * its filters are read from the parameter map the caller gives.
 */
export interface ListQueries<F> {
  page: PageQuery<F>;
  count: CountQuery<F>;
  filter: (parameters: Parameters) => F;
}

/**
 * The filters as the queries declare them, from the map the resolvers build (every filter key
 * present, null when unused). A value of another type is a defect of the caller, not bad input:
 * the resolvers validated and converted it already.
 */
const filterValue = {
  text(parameters: Parameters, key: string): string | null {
    const value = parameters[key];
    if (value === null || typeof value === "string") return value;
    throw filterError(key, "a string or null");
  },
  texts(parameters: Parameters, key: string): string[] | null {
    const value = parameters[key];
    if (value === null) return null;
    if (Array.isArray(value) && value.every((element) => typeof element === "string")) return value;
    throw filterError(key, "a list of strings or null");
  },
  /** Counts are integers in the graph; whole numbers go as Neo4j integers, as the headers declare. */
  integer(parameters: Parameters, key: string): Integer | null {
    const value = parameters[key];
    if (value === null || isInt(value)) return value;
    if (typeof value === "number" && Number.isInteger(value)) return integerParameter(value);
    throw filterError(key, "a whole number or null");
  },
  date(parameters: Parameters, key: string): CypherDate<number> | null {
    const value = parameters[key];
    if (value === null) return null;
    // dateParameter makes dates of JavaScript numbers; the year tells them from dates of Neo4j integers.
    if (isDate<number>(value) && typeof value.year === "number") return value;
    throw filterError(key, "a Neo4j date or null");
  },
};

function filterError(key: string, expected: string): Error {
  return new TypeError(`list filter ${key}: not ${expected}`);
}

const { text, texts, integer, date } = filterValue;

/** The queries of each list, by name. */
export const listQueries: { readonly [L in ListName]: ListQueries<ListFilters[L]> } = {
  seizures: {
    page: seizureList,
    count: seizureCount,
    filter: (parameters) => ({
      dateFrom: date(parameters, "dateFrom"),
      dateTo: date(parameters, "dateTo"),
      country: text(parameters, "country"),
      place: text(parameters, "place"),
      species: text(parameters, "species"),
      product: text(parameters, "product"),
      mode: text(parameters, "mode"),
      source: text(parameters, "source"),
      flowFrom: text(parameters, "flowFrom"),
      flowTo: text(parameters, "flowTo"),
    }),
  },
  shipments: {
    page: shipmentList,
    count: shipmentCount,
    filter: (parameters) => ({
      dateFrom: date(parameters, "dateFrom"),
      dateTo: date(parameters, "dateTo"),
      mode: text(parameters, "mode"),
      country: text(parameters, "country"),
      origin: text(parameters, "origin"),
      destination: text(parameters, "destination"),
      place: text(parameters, "place"),
      species: text(parameters, "species"),
      product: text(parameters, "product"),
    }),
  },
  persons: {
    page: personList,
    count: personCount,
    filter: (parameters) => ({
      nationality: text(parameters, "nationality"),
      ids: texts(parameters, "ids"),
      minSeizures: integer(parameters, "minSeizures"),
      minShipments: integer(parameters, "minShipments"),
      minIdentifiers: integer(parameters, "minIdentifiers"),
    }),
  },
  companies: {
    page: companyList,
    count: companyCount,
    filter: (parameters) => ({
      country: text(parameters, "country"),
      kind: text(parameters, "kind"),
      ids: texts(parameters, "ids"),
      minShipments: integer(parameters, "minShipments"),
      minSeizures: integer(parameters, "minSeizures"),
      minOfficers: integer(parameters, "minOfficers"),
    }),
  },
  places: {
    page: placeList,
    count: placeCount,
    filter: (parameters) => ({ country: text(parameters, "country"), kind: text(parameters, "kind") }),
  },
  countries: {
    page: countryList,
    count: countryCount,
    filter: (parameters) => ({ borders: text(parameters, "borders") }),
  },
  species: {
    page: speciesList,
    count: speciesCount,
    filter: (parameters) => ({
      citesAppendix: text(parameters, "citesAppendix"),
      taxonClass: text(parameters, "taxonClass"),
      rank: text(parameters, "rank"),
    }),
  },
};

/**
 * The relationship counts of a person or a company, by column of person/counts.cypher or
 * company/counts.cypher (without `key`); by name, as the count fields ask for one column each.
 */
export type PartyCounts = Readonly<Record<string, number>>;

type PartyCountsRow = PersonCountsRow | CompanyCountsRow;

/** A page of a list in a chosen order, with each item's sort value. */
export type SortedPageQuery<F> = CypherQuery<
  F & { orderField: string; descending: boolean; afterValue: string | Integer | null; afterId: string | null; limit: Integer },
  { id: string; sortValue: SortValue },
  NoSlots,
  "read"
>;

/** The relationship counts of a batch of items, a row per item. */
export type CountsQuery = CypherQuery<{ ids: readonly string[] }, PartyCountsRow, NoSlots, "read">;

export type PartyListName = "persons" | "companies";

/** The lists that can be sorted by a chosen value: the parties, and seizures (by date). */
export type OrderedListName = PartyListName | "seizures";

/** The query of a sorted page of each list that can be sorted by a chosen value. */
export const orderedListQueries: { readonly [L in OrderedListName]: SortedPageQuery<ListFilters[L]> } = {
  persons: personListOrdered,
  companies: companyListOrdered,
  seizures: seizureListOrdered,
};

/** The lists of parties (persons, companies), whose items have relationship counts: the query of the counts of a batch of items. */
export const partyListQueries: { readonly [L in PartyListName]: { counts: CountsQuery } } = {
  persons: { counts: personCounts },
  companies: { counts: companyCounts },
};

/** The parameters of a sorted page, after the list's filters. */
export function sortedPageParameters(order: ListOrder, page: SortedPageRequest) {
  return {
    orderField: order.field,
    descending: order.direction === OrderDirection.DESC,
    // Counts are integers in the graph; a JavaScript number would travel as a float.
    afterValue: typeof page.after?.value === "number" ? integerParameter(page.after.value) : (page.after?.value ?? null),
    afterId: page.after?.id ?? null,
    // One more than asked tells whether another page follows.
    limit: integerParameter(page.first + 1),
  };
}

/**
 * The counts behind filtered, keyset-paginated lists; their pages are read with what is below their
 * items by nested-read.ts, from the same query files. Filters arrive as complete parameter maps
 * (every filter key present, null when unused), already validated and converted by the caller.
 */
export class ListRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /** The relationship counts of a batch of items, by id (one round trip); unknown ids are absent. */
  async counts(list: PartyListName, ids: readonly string[]): Promise<Map<string, PartyCounts>> {
    const rows = await this.executor.readQuery(partyListQueries[list].counts, { ids });
    return new Map(rows.map(({ key, ...counts }): [string, PartyCounts] => [key, counts]));
  }

  async count<L extends ListName>(list: L, filter: Parameters): Promise<number> {
    const queries: ListQueries<ListFilters[L]> = listQueries[list];
    const rows = await this.executor.readQuery(queries.count, queries.filter(filter));
    return rows[0].count;
  }
}
