/**
 * The generator's output, as data: one CSV file per node label or relationship type of
 * `cypher/model.md`, its columns named after the model's properties. `README.md` in this folder
 * documents each column; a test checks the two agree.
 */

/** Every synthetic node row says so; reference rows (countries, places, species) say `false`. */
interface Flagged {
  synthetic: boolean;
}

export interface SourceRow extends Flagged {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  licence: string;
  retrievedOn: string | null;
  reliability: string;
  kind: string;
}

export interface CountryRow extends Flagged {
  id: string;
  iso3: string;
  name: string;
}

export interface PlaceRow extends Flagged {
  id: string;
  name: string;
  kind: string;
  locode: string | null;
  iataCode: string | null;
  latitude: number;
  longitude: number;
  countryId: string;
}

export interface SpeciesRow extends Flagged {
  id: string;
  scientificName: string;
  citesAppendix: string;
  taxonClass: string;
  order: string;
  family: string;
  genus: string;
  commonNamesEn: string;
}

export interface PersonRow extends Flagged {
  id: string;
  name: string;
  aliases: string;
  /** Empty on some duplicate records, as a second source may not give it. */
  birthYear: number | null;
  nationalityId: string | null;
}

export interface CompanyRow extends Flagged {
  id: string;
  name: string;
  kind: string;
  /** Empty on some duplicate records. */
  incorporatedOn: string | null;
  countryId: string | null;
}

export interface IdentifierRow extends Flagged {
  id: string;
  kind: string;
  value: string;
  rawValue: string;
}

export interface CarrierRow extends Flagged {
  id: string;
  name: string;
  kind: string;
  iataCode: string | null;
  imoNumber: string | null;
}

export interface ShipmentRow extends Flagged {
  id: string;
  mode: string;
  declaredContents: string;
  containerNumber: string | null;
  billOfLading: string | null;
  airWaybill: string | null;
  departedOn: string;
  carrierId: string | null;
}

export interface CommodityLineRow extends Flagged {
  id: string;
  shipmentId: string;
  seizureId: string | null;
  speciesId: string;
  product: string;
  quantity: number | null;
  unit: string;
  quantityText: string;
  weightKg: number | null;
}

export interface SeizureRow extends Flagged {
  id: string;
  shipmentId: string;
  date: string;
  dateText: string;
  agency: string;
  locationText: string;
  description: string;
  concealment: string;
  detectionMethod: string;
  arrestCount: number;
  outcome: string | null;
  countryId: string;
  placeId: string | null;
}

export interface IdentifierHolderRow {
  holderId: string;
  holderKind: string;
  identifierId: string;
}

export interface OfficerRow {
  personId: string;
  companyId: string;
  role: string;
}

export interface RouteStopRow {
  shipmentId: string;
  seq: number;
  role: string;
  placeId: string | null;
  countryId: string | null;
  placeText: string;
}

export interface PartyRow {
  partyId: string;
  partyKind: string;
  shipmentId: string;
  role: string;
}

export interface ArrestRow {
  seizureId: string;
  personId: string;
  charge: string;
  convicted: boolean | null;
  sentence: string | null;
}

export interface FileSpec<Row> {
  readonly file: string;
  readonly columns: readonly (keyof Row & string)[];
  /** Never set: carries the row type so that `RowOf` can recover it. */
  readonly row?: Row;
}

export type RowOf<Name extends TableName> = (typeof layout)[Name] extends FileSpec<infer Row> ? Row : never;

function spec<Row>(file: string, columns: readonly (keyof Row & string)[]): FileSpec<Row> {
  return { file, columns };
}

/** In the order they are documented; `ground-truth.json` counts the data rows of each. */
export const layout = {
  sources: spec<SourceRow>("sources.csv", [
    "id", "title", "publisher", "url", "licence", "retrievedOn", "reliability", "kind", "synthetic",
  ]),
  countries: spec<CountryRow>("countries.csv", ["id", "iso3", "name", "synthetic"]),
  places: spec<PlaceRow>("places.csv", [
    "id", "name", "kind", "locode", "iataCode", "latitude", "longitude", "countryId", "synthetic",
  ]),
  species: spec<SpeciesRow>("species.csv", [
    "id", "scientificName", "citesAppendix", "taxonClass", "order", "family", "genus", "commonNamesEn", "synthetic",
  ]),
  persons: spec<PersonRow>("persons.csv", ["id", "name", "aliases", "birthYear", "nationalityId", "synthetic"]),
  companies: spec<CompanyRow>("companies.csv", ["id", "name", "kind", "incorporatedOn", "countryId", "synthetic"]),
  identifiers: spec<IdentifierRow>("identifiers.csv", ["id", "kind", "value", "rawValue", "synthetic"]),
  identifierHolders: spec<IdentifierHolderRow>("identifier-holders.csv", ["holderId", "holderKind", "identifierId"]),
  officers: spec<OfficerRow>("officers.csv", ["personId", "companyId", "role"]),
  carriers: spec<CarrierRow>("carriers.csv", ["id", "name", "kind", "iataCode", "imoNumber", "synthetic"]),
  shipments: spec<ShipmentRow>("shipments.csv", [
    "id", "mode", "declaredContents", "containerNumber", "billOfLading", "airWaybill", "departedOn", "carrierId",
    "synthetic",
  ]),
  routeStops: spec<RouteStopRow>("route-stops.csv", ["shipmentId", "seq", "role", "placeId", "countryId", "placeText"]),
  parties: spec<PartyRow>("parties.csv", ["partyId", "partyKind", "shipmentId", "role"]),
  commodityLines: spec<CommodityLineRow>("commodity-lines.csv", [
    "id", "shipmentId", "seizureId", "speciesId", "product", "quantity", "unit", "quantityText", "weightKg", "synthetic",
  ]),
  seizures: spec<SeizureRow>("seizures.csv", [
    "id", "shipmentId", "date", "dateText", "agency", "locationText", "description", "concealment", "detectionMethod",
    "arrestCount", "outcome", "countryId", "placeId", "synthetic",
  ]),
  arrests: spec<ArrestRow>("arrests.csv", ["seizureId", "personId", "charge", "convicted", "sentence"]),
} as const;

export type TableName = keyof typeof layout;

export const GROUND_TRUTH_FILE = "ground-truth.json";

/** Lists inside one cell (a person's aliases, a species' common names) are joined with this. */
export const LIST_SEPARATOR = ";";
