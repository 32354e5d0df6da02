import { NodeLabel, RelType } from "./graph-schema.js";

/**
 * Every relationship field of the API, as data: which node it starts from, which relationship it
 * follows, in which direction, and which labels it may reach. Each relationship type appears once per
 * direction, under the GraphQL field name of that direction (see `cypher/model.md`), except two that
 * are followed outward only: a country does not list its nationals (personal data), and a source
 * does not list the thousands of nodes it backs.
 */
export type Direction = "OUT" | "IN" | "BOTH";

export interface Relation {
  readonly from: NodeLabel;
  readonly type: RelType;
  readonly direction: Direction;
  readonly to: readonly NodeLabel[];
}

const { Seizure, Shipment, CommodityLine, Species, Person, Company, Identifier, Carrier, Place, Country, Source } =
  NodeLabel;

function out(from: NodeLabel, type: RelType, ...to: NodeLabel[]): Relation {
  return { from, type, direction: "OUT", to };
}

function inward(from: NodeLabel, type: RelType, ...to: NodeLabel[]): Relation {
  return { from, type, direction: "IN", to };
}

export const relations = {
  "Seizure.country": out(Seizure, RelType.SeizedIn, Country),
  "Country.seizures": inward(Country, RelType.SeizedIn, Seizure),
  "Seizure.place": out(Seizure, RelType.SeizedAt, Place),
  "Place.seizures": inward(Place, RelType.SeizedAt, Seizure),
  "Seizure.shipments": out(Seizure, RelType.Intercepted, Shipment),
  "Shipment.seizures": inward(Shipment, RelType.Intercepted, Seizure),
  "Seizure.commodities": out(Seizure, RelType.Recovered, CommodityLine),
  "CommodityLine.seizure": inward(CommodityLine, RelType.Recovered, Seizure),
  "Seizure.arrests": out(Seizure, RelType.Arrested, Person),
  "Person.arrests": inward(Person, RelType.Arrested, Seizure),
  "Shipment.commodities": out(Shipment, RelType.Carried, CommodityLine),
  "CommodityLine.shipment": inward(CommodityLine, RelType.Carried, Shipment),
  "CommodityLine.species": out(CommodityLine, RelType.OfSpecies, Species),
  "Species.commodityLines": inward(Species, RelType.OfSpecies, CommodityLine),
  "Shipment.route": out(Shipment, RelType.StopsAt, Place, Country),
  "Place.shipments": inward(Place, RelType.StopsAt, Shipment),
  "Country.shipments": inward(Country, RelType.StopsAt, Shipment),
  "Shipment.carrier": out(Shipment, RelType.CarriedBy, Carrier),
  "Carrier.shipments": inward(Carrier, RelType.CarriedBy, Shipment),
  "Shipment.parties": inward(Shipment, RelType.PartyTo, Person, Company),
  "Person.shipments": out(Person, RelType.PartyTo, Shipment),
  "Company.shipments": out(Company, RelType.PartyTo, Shipment),
  "Person.identifiers": out(Person, RelType.HasIdentifier, Identifier),
  "Company.identifiers": out(Company, RelType.HasIdentifier, Identifier),
  "Identifier.holders": inward(Identifier, RelType.HasIdentifier, Person, Company),
  "Person.offices": out(Person, RelType.OfficerOf, Company),
  "Company.officers": inward(Company, RelType.OfficerOf, Person),
  "Person.nationalities": out(Person, RelType.NationalOf, Country),
  "Company.country": out(Company, RelType.RegisteredIn, Country),
  "Country.companies": inward(Country, RelType.RegisteredIn, Company),
  "Place.country": out(Place, RelType.InCountry, Country),
  "Country.places": inward(Country, RelType.InCountry, Place),
  "Country.neighbours": { from: Country, type: RelType.Borders, direction: "BOTH", to: [Country] },
  "Seizure.sources": out(Seizure, RelType.SourcedFrom, Source),
  "Shipment.sources": out(Shipment, RelType.SourcedFrom, Source),
  "Person.sources": out(Person, RelType.SourcedFrom, Source),
  "Company.sources": out(Company, RelType.SourcedFrom, Source),
} as const satisfies Record<string, Relation>;

export type RelationName = keyof typeof relations;
