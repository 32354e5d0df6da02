/** Closed vocabularies of the model. Each value is stored as is in Neo4j and exposed as a GraphQL enum. */

export enum TransportMode {
  AIR = "AIR",
  SEA = "SEA",
  ROAD = "ROAD",
  RAIL = "RAIL",
  RIVER = "RIVER",
  POST = "POST",
  PASSENGER_LUGGAGE = "PASSENGER_LUGGAGE",
  UNKNOWN = "UNKNOWN",
}

export enum Product {
  SCALES = "SCALES",
  RAW_IVORY = "RAW_IVORY",
  WORKED_IVORY = "WORKED_IVORY",
  HORN = "HORN",
  BONE = "BONE",
  SKIN = "SKIN",
  LIVE = "LIVE",
  MEAT = "MEAT",
  SWIM_BLADDER = "SWIM_BLADDER",
  EGGS = "EGGS",
  OTHER = "OTHER",
}

export enum QuantityUnit {
  KG = "KG",
  PIECES = "PIECES",
  INDIVIDUALS = "INDIVIDUALS",
  UNKNOWN = "UNKNOWN",
}

export enum StopRole {
  ORIGIN = "ORIGIN",
  TRANSIT = "TRANSIT",
  DESTINATION = "DESTINATION",
}

/**
 * A party's role in a shipment. Records use words of their own (driver, contact, partner, ...): an
 * import keeps the word beside the role (`roleText`, through `raw:`), and a word the model has no
 * role for is OTHER, its word saying what it is.
 */
export enum PartyRole {
  SHIPPER = "SHIPPER",
  CONSIGNEE = "CONSIGNEE",
  FREIGHT_FORWARDER = "FREIGHT_FORWARDER",
  COURIER = "COURIER",
  ORGANISER = "ORGANISER",
  FINANCIER = "FINANCIER",
  /** Bought the goods, whoever the papers name as consignee. */
  BUYER = "BUYER",
  /** Sold or supplied the goods, whoever the papers name as shipper. */
  SUPPLIER = "SUPPLIER",
  /** A part the model has no role for (a contact, a partner): `roleText` says which. */
  OTHER = "OTHER",
}

export enum IdentifierKind {
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  ADDRESS = "ADDRESS",
  BANK_ACCOUNT = "BANK_ACCOUNT",
  DOCUMENT = "DOCUMENT",
}

export enum PlaceKind {
  SEAPORT = "SEAPORT",
  AIRPORT = "AIRPORT",
  RIVER_PORT = "RIVER_PORT",
  BORDER_CROSSING = "BORDER_CROSSING",
  ROAD = "ROAD",
  RAIL = "RAIL",
  CITY = "CITY",
}

export enum CarrierKind {
  AIRLINE = "AIRLINE",
  SHIPPING_LINE = "SHIPPING_LINE",
  VESSEL = "VESSEL",
  ROAD_HAULIER = "ROAD_HAULIER",
  POSTAL_SERVICE = "POSTAL_SERVICE",
}

export enum CompanyKind {
  FREIGHT_FORWARDER = "FREIGHT_FORWARDER",
  TRADER = "TRADER",
  LOGISTICS = "LOGISTICS",
  SHELL = "SHELL",
  OTHER = "OTHER",
}

export enum CitesAppendix {
  I = "I",
  II = "II",
  III = "III",
}

/** Source reliability, graded as in the Admiralty system: A (completely reliable) to F (cannot be judged). */
export enum Reliability {
  A = "A",
  B = "B",
  C = "C",
  D = "D",
  E = "E",
  F = "F",
}

export enum SourceKind {
  DATASET = "DATASET",
  REPORT = "REPORT",
  COURT_JUDGEMENT = "COURT_JUDGEMENT",
  PRESS_RELEASE = "PRESS_RELEASE",
  SYNTHETIC = "SYNTHETIC",
}

/** The rank of a taxon node: a species, or a higher taxon that goods named only at that rank refer to (`Manis spp.`). */
export enum TaxonRank {
  SPECIES = "SPECIES",
  GENUS = "GENUS",
  FAMILY = "FAMILY",
  ORDER = "ORDER",
}
