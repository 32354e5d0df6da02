/**
 * The labels and relationship types of the graph. Cypher cannot take these as parameters, so they
 * reach a query only from these enums (see `cypher/model.md` for what each one means).
 */
export enum NodeLabel {
  Seizure = "Seizure",
  Shipment = "Shipment",
  CommodityLine = "CommodityLine",
  Species = "Species",
  Person = "Person",
  Company = "Company",
  Identifier = "Identifier",
  Carrier = "Carrier",
  Place = "Place",
  Country = "Country",
  Source = "Source",
}

export enum RelType {
  SeizedIn = "SEIZED_IN",
  SeizedAt = "SEIZED_AT",
  Intercepted = "INTERCEPTED",
  Recovered = "RECOVERED",
  Carried = "CARRIED",
  OfSpecies = "OF_SPECIES",
  StopsAt = "STOPS_AT",
  CarriedBy = "CARRIED_BY",
  PartyTo = "PARTY_TO",
  Arrested = "ARRESTED",
  HasIdentifier = "HAS_IDENTIFIER",
  OfficerOf = "OFFICER_OF",
  NationalOf = "NATIONAL_OF",
  RegisteredIn = "REGISTERED_IN",
  InCountry = "IN_COUNTRY",
  Borders = "BORDERS",
  SourcedFrom = "SOURCED_FROM",
}

/** Marks every node that a generator or a hand-made fixture invented, so it is never taken for real data. */
export const SYNTHETIC_LABEL = "Synthetic";
