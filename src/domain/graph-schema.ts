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
  /** A reported (legal) trade record, such as a row of the CITES Trade Database; not a seizure. */
  TradeRecord = "TradeRecord",
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
  /** (TradeRecord)-[:IMPORTED_BY]->(Country): the importing country of a trade record. */
  ImportedBy = "IMPORTED_BY",
  /** (TradeRecord)-[:EXPORTED_BY]->(Country): the exporting (or re-exporting) country. */
  ExportedBy = "EXPORTED_BY",
  /** (TradeRecord)-[:ORIGINATED_IN]->(Country): the country of origin, when the record gives one. */
  OriginatedIn = "ORIGINATED_IN",
  /** (TradeRecord)-[:RECORDS]->(Seizure): a trade record of confiscated specimens and its seizure. */
  Records = "RECORDS",
}

/** Marks every node that a generator or a hand-made fixture invented, so it is never taken for real data. */
export const SYNTHETIC_LABEL = "Synthetic";
