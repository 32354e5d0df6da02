import { NodeLabel, RelType, SYNTHETIC_LABEL } from "./graph-schema.js";
import {
  CarrierKind,
  CitesAppendix,
  CompanyKind,
  IdentifierKind,
  PartyRole,
  PlaceKind,
  Product,
  QuantityUnit,
  Reliability,
  SourceKind,
  StopRole,
  TaxonRank,
  TransportMode,
} from "./vocabulary.js";
import { MatchKind, Verdict } from "./match-kind.js";
import { AlertReason, WatchKind } from "./watch-kind.js";

/**
 * The model of the graph, written once, as data: every label with its properties, every
 * relationship type with the labels it joins, its properties and the GraphQL fields that follow it
 * each way. The rest is generated from it or checked against it:
 * - `cypher/model.md`'s tables are written from it (`emit-model.ts`), and a test fails when they differ;
 * - the enums of `graph-schema.ts` key the records below, so the compiler fails when a label or type
 *   has no entry here, or an entry names none;
 * - tests check `relations.ts`, the GraphQL types, the access rules, the import's required properties
 *   and mappings, the generator's layout, and every label, type and property a `.cypher` file names.
 */

/** How a property is stored. Integers go to Neo4j as `neo4j.int`; dates as Neo4j `Date`. */
export type PropertyType =
  | "string"
  | "string list"
  | "integer"
  | "integer list"
  | "float"
  | "float list"
  | "boolean"
  | "Date"
  | "DateTime";

/** The closed vocabularies of `vocabulary.ts`, by the name GraphQL gives their enums. */
export const vocabularies = {
  TransportMode,
  Product,
  QuantityUnit,
  StopRole,
  PartyRole,
  IdentifierKind,
  PlaceKind,
  CarrierKind,
  CompanyKind,
  CitesAppendix,
  Reliability,
  SourceKind,
  TaxonRank,
  WatchKind,
  AlertReason,
  MatchKind,
  Verdict,
} as const;

export type VocabularyName = keyof typeof vocabularies;

export interface PropertyModel {
  readonly type: PropertyType;
  /** The stored value is one of this vocabulary's values. */
  readonly vocabulary?: VocabularyName;
  /**
   * Every node (or relationship) has it: the import rejects a row that gives no value for it, and the
   * API reads it as a non-null field.
   */
  readonly required: boolean;
  /**
   * Personal data that identifies a person: a name, an alias, a birth year, an identifier's value.
   * Only the roles that see persons in clear (INVESTIGATOR and up) read it; the others see
   * pseudonyms, so what else is said of a person (an arrest's charge) is not marked.
   */
  readonly personal: boolean;
  readonly meaning: string;
  /** The GraphQL field that shows it, where the field is not named after the property. */
  readonly graphqlField?: string;
}

/** Which part of the graph a label or type belongs to. */
export type ModelPart =
  /** Facts made from data (imports, the fixture, generated networks), served by the API. */
  | "data"
  /**
   * Results of `npm run analyze` and `npm run resolve`, rewritten by each run, read only by the ring
   * fields and `resolutionCandidates`.
   */
  | "analysis"
  /** Decisions of investigators (and of `npm run resolve -- apply`) on resolution candidates, kept as records. */
  | "resolution"
  /** Figures kept ahead of the analyst fields, changed with the facts behind them (src/domain/trade-tallies.ts). */
  | "aggregates"
  /** The API's own records (API keys, the shared audit trail), never shown as part of the graph. */
  | "access";

export interface LabelModel {
  readonly part: ModelPart;
  readonly meaning: string;
  /** The GraphQL object type that shows a node of this label, if any. */
  readonly graphqlType: string | null;
  /** `id` first: every label's key, unique by a constraint in `cypher/constraints/`. */
  readonly properties: Readonly<Record<string, PropertyModel>>;
}

/** A GraphQL field that follows a relationship type, as `Type.field`. */
export interface FieldModel {
  readonly name: `${string}.${string}`;
  /** A Relay connection, paged by node id, rather than a list. */
  readonly paged: boolean;
  readonly note?: string;
}

/** One pair of ends a relationship type joins, and the fields that follow it from each end. */
export interface RelationshipEnds {
  readonly from: readonly ModelLabel[];
  readonly to: readonly ModelLabel[];
  /** Fields of the `from` labels' types that reach the `to` nodes. */
  readonly forward: readonly FieldModel[];
  /** Fields of the `to` labels' types that reach the `from` nodes. */
  readonly backward: readonly FieldModel[];
  /** Why a direction has no field, or what else reads the relationship. */
  readonly note?: string;
}

export interface RelationshipModel {
  readonly part: ModelPart;
  readonly meaning: string;
  readonly ends: readonly RelationshipEnds[];
  /** Stored once per pair and followed either way: each end is the other's neighbour. */
  readonly symmetric: boolean;
  /** Made from data, so it carries `sourceId` and `sourceRow` (the CITATION_PROPERTIES). */
  readonly cited: boolean;
  /** Its own properties, besides the citation. */
  readonly properties: Readonly<Record<string, PropertyModel>>;
  /** The GraphQL object types that show one relationship of this type with its properties. */
  readonly graphqlTypes: readonly string[];
}

interface PropertyOptions {
  readonly required?: boolean;
  readonly personal?: boolean;
  readonly vocabulary?: VocabularyName;
  readonly graphqlField?: string;
}

function property(type: PropertyType, meaning: string, options: PropertyOptions = {}): PropertyModel {
  return {
    type,
    meaning,
    required: options.required ?? false,
    personal: options.personal ?? false,
    ...(options.vocabulary === undefined ? {} : { vocabulary: options.vocabulary }),
    ...(options.graphqlField === undefined ? {} : { graphqlField: options.graphqlField }),
  };
}

const text = (meaning: string, options?: PropertyOptions) => property("string", meaning, options);
const texts = (meaning: string, options?: PropertyOptions) => property("string list", meaning, options);
const integer = (meaning: string, options?: PropertyOptions) => property("integer", meaning, options);
const integers = (meaning: string, options?: PropertyOptions) => property("integer list", meaning, options);
const float = (meaning: string, options?: PropertyOptions) => property("float", meaning, options);
const floats = (meaning: string, options?: PropertyOptions) => property("float list", meaning, options);
const flag = (meaning: string, options?: PropertyOptions) => property("boolean", meaning, options);
const date = (meaning: string, options?: PropertyOptions) => property("Date", meaning, options);
const dateTime = (meaning: string, options?: PropertyOptions) => property("DateTime", meaning, options);
const oneOf = (vocabulary: VocabularyName, meaning: string, options?: PropertyOptions) =>
  property("string", meaning, { ...options, vocabulary });
const key = (meaning: string, options?: PropertyOptions) => text(meaning, { ...options, required: true });

function field(name: `${string}.${string}`, note?: string): FieldModel {
  return { name, paged: false, ...(note === undefined ? {} : { note }) };
}

function paged(name: `${string}.${string}`): FieldModel {
  return { name, paged: true };
}

const {
  Seizure, Shipment, CommodityLine, Species, Person, Company, Identifier, Carrier, Place, Country, Source, TradeRecord,
} = NodeLabel;

/** The labels of facts made from data. Keyed by the enum, so the two cannot drift apart. */
export const dataLabels: Readonly<Record<NodeLabel, LabelModel>> = {
  [Seizure]: {
    part: "data",
    meaning: "An interception: what was found, where, when, by whom, and what followed.",
    graphqlType: "Seizure",
    properties: {
      id: key("The seizure's id."),
      date: date("When the seizure was made; null when the source gives no day (a year only, a range)."),
      dateText: text("The date as the source wrote it."),
      agency: text("The agency that made the seizure."),
      locationText: text("The place as the source wrote it."),
      description: text("What the source says happened."),
      concealment: text('How the goods were hidden, such as "in frozen fish".'),
      detectionMethod: text("How the goods were found (X-ray, sniffer dog, tip-off, ...)."),
      arrestCount: integer("How many people were arrested, as reported."),
      outcome: text("Charges, convictions and sentences, as reported."),
      database: text(
        "The sub-database of a source that has several, such as ROUTES' Ivory, Rhino Horn, Reptiles, Birds.",
      ),
      valueHkd: float("The goods' estimated value in Hong Kong dollars, as reported."),
      citedSentences: texts(
        "For a source read from its text (a press release): each value read, as `field: sentence`, the sentence it came from.",
      ),
      readingFlags: texts(
        "For a source read from its text: what could not be read, as `field: reason` (the value is left empty, never guessed).",
      ),
    },
  },
  [Shipment]: {
    part: "data",
    meaning: "What moved: a consignment, a parcel or a passenger's luggage, along a route.",
    graphqlType: "Shipment",
    properties: {
      id: key("The shipment's id."),
      mode: oneOf("TransportMode", "How it travelled.", { required: true }),
      modeText: text("The mode of transport as the source wrote it."),
      declaredContents: text('What the papers said it was (the cover, such as "cashew nuts").'),
      containerNumber: text("The container's number (ISO 6346)."),
      billOfLading: text("The bill of lading's number (sea freight)."),
      airWaybill: text("The air waybill's number (air freight)."),
      departedOn: date("When it left its origin."),
      carrierText: text("The carrier as the source wrote it, when no Carrier node could be named."),
    },
  },
  [CommodityLine]: {
    part: "data",
    meaning: "One kind of goods in a seizure or shipment: a species, a product and a quantity.",
    graphqlType: "CommodityLine",
    properties: {
      id: key("The line's id."),
      product: oneOf("Product", "What the goods are (scales, raw ivory, live animals, ...).", { required: true }),
      productText: text("The product as the source wrote it."),
      quantity: float("The quantity as reported, in `unit`."),
      unit: oneOf("QuantityUnit", "The unit of `quantity`.", { required: true }),
      quantityText: text("The quantity as the source wrote it."),
      weightKg: float("The weight in kilograms, normalised; null when unknown."),
      weightText: text("The weight as the source wrote it."),
      speciesText: text("The species as the source wrote it, kept whether or not a Species node matched."),
    },
  },
  [Species]: {
    part: "data",
    meaning: "A taxon, with its CITES listing and higher taxonomy. A reference fact, never synthetic.",
    graphqlType: "Species",
    properties: {
      id: key("The scientific name in lower case, hyphenated: `manis-javanica`."),
      scientificName: text("The scientific name.", { required: true }),
      name: text("The scientific name again, for the full-text index.", { required: true }),
      citesAppendix: oneOf("CitesAppendix", "The CITES appendix it is listed in (the strictest, when split-listed)."),
      citesListing: text('The CITES listing as the source wrote it ("I/II", "NC").'),
      kingdom: text("Higher taxonomy: kingdom."),
      phylum: text("Higher taxonomy: phylum."),
      taxonClass: text("Higher taxonomy: class (Mammalia, Aves, ...)."),
      order: text("Higher taxonomy: order."),
      family: text("Higher taxonomy: family."),
      genus: text("Higher taxonomy: genus."),
      rank: oneOf(
        "TaxonRank",
        "`SPECIES`, or `GENUS`, `FAMILY`, `ORDER` for a higher taxon's node (`manis`, `manidae`, `pholidota`: mappings/cites-taxonomy.yaml), which goods named only at that rank (`Manis spp.`, `Pangolin`) refer to; none: a species (the API shows `SPECIES`).",
      ),
      synonyms: texts("Other scientific names of the species in the CITES index, with their authors as written (`Phataginus tricuspis (Rafinesque, 1821)`)."),
      commonNamesEn: texts("Common names in English (the API reads every `commonNames<Xx>`, one per ISO 639-1 language)."),
      commonNamesFr: texts("Common names in French."),
      commonNamesEs: texts("Common names in Spanish."),
      commonNamesZh: texts("Common names in Chinese, Simplified and Traditional forms (from `data/species-names-zh/`)."),
      nameZh: text("The Chinese names as one string, for the full-text index."),
      searchText: text("Other names (common names in every language, family) as one string, for the full-text index."),
    },
  },
  [Person]: {
    part: "data",
    meaning: "A person named in a record: suspect, courier, shipper, officer of a company.",
    graphqlType: "Person",
    properties: {
      id: key("The person's id."),
      name: text("The name as the record gives it.", { required: true, personal: true }),
      aliases: texts("Other names and spellings.", { personal: true }),
      birthYear: integer("The year of birth.", { personal: true }),
      searchText: text("The aliases as one string, for the full-text index.", { personal: true }),
    },
  },
  [Company]: {
    part: "data",
    meaning: "A company: trader, freight forwarder, logistics firm or shell.",
    graphqlType: "Company",
    properties: {
      id: key("The company's id."),
      name: text("The registered or trading name.", { required: true }),
      kind: oneOf("CompanyKind", "What kind of business it is.", { required: true }),
      incorporatedOn: date("When it was incorporated."),
      searchText: text("Other names, as one string, for the full-text index."),
    },
  },
  [Identifier]: {
    part: "data",
    meaning: "A phone number, e-mail, address, bank account or document number that parties use.",
    graphqlType: "Identifier",
    properties: {
      id: key("`KIND:value`, such as `PHONE:+84912345678`: it holds the value.", { personal: true }),
      kind: oneOf("IdentifierKind", "What kind of identifier it is.", { required: true }),
      value: text(
        "The normalised value (E.164 phone, lower-case e-mail, ...); searchable, a phone also by its digits.",
        { required: true, personal: true },
      ),
      rawValue: text("The value as the source wrote it; searchable.", { personal: true }),
    },
  },
  [Carrier]: {
    part: "data",
    meaning: "An airline, shipping line, vessel, haulier or postal service.",
    graphqlType: "Carrier",
    properties: {
      id: key("The carrier's id (`airline:<IATA code>` for airlines named by a source)."),
      name: text("The carrier's name.", { required: true }),
      kind: oneOf("CarrierKind", "What kind of carrier it is.", { required: true }),
      iataCode: text("An airline's IATA code."),
      imoNumber: text("A vessel's IMO number."),
    },
  },
  [Place]: {
    part: "data",
    meaning: "A port, airport, border crossing, river port or city. A reference fact, never synthetic.",
    graphqlType: "Place",
    properties: {
      id: key("`locode:VNHPH` (UN/LOCODE) or `iata:HAN` (airports)."),
      name: text("The place's name.", { required: true }),
      kind: oneOf("PlaceKind", "What kind of place it is.", { required: true }),
      locode: text("The UN/LOCODE, such as VNHPH."),
      iataCode: text("The IATA airport code, such as HAN."),
      unlocodeFunction: text("The UN/LOCODE function mask as the source wrote it, from which `kind` was read."),
      latitude: float("Latitude, decimal degrees."),
      longitude: float("Longitude, decimal degrees."),
      coordinatesGeocoded: flag("True when the coordinates were geocoded rather than given by the source: less certain."),
      searchText: text("The city served, codes and other names, as one string, for the full-text index."),
    },
  },
  [Country]: {
    part: "data",
    meaning: "A country or territory, as in ISO 3166. A reference fact, never synthetic.",
    graphqlType: "Country",
    properties: {
      id: key("The ISO 3166-1 alpha-2 code.", { graphqlField: "code" }),
      iso3: text("The ISO 3166-1 alpha-3 code."),
      name: text("The common name.", { required: true }),
      nameZh: text("The name in Chinese."),
      alternativeNames: texts("Other spellings seen in records, such as Viet Nam or UAE."),
      latitude: float("Latitude of the centroid."),
      longitude: float("Longitude of the centroid."),
      searchText: text("The alpha-3 code and every other name, as one string, for the full-text index."),
    },
  },
  [Source]: {
    part: "data",
    meaning: "Where facts came from: a dataset, a report, a court judgement, a press release.",
    graphqlType: "Source",
    properties: {
      id: key("The source's id, as its mapping file names it."),
      title: text("What the source is.", { required: true }),
      publisher: text("Who published it."),
      url: text("Where it can be found."),
      licence: text("The licence under which it may be used."),
      retrievedOn: date("When it was retrieved."),
      reliability: oneOf("Reliability", "How reliable it is, graded A to F as in the Admiralty system.", { required: true }),
      kind: oneOf("SourceKind", "What kind of source it is.", { required: true }),
      countsKept: flag("True once the import keeps the counts below itself, in each batch's transaction."),
      "nodes.<Label>": integer("How many nodes of that label this source's rows made (one property per label)."),
      "relationships.<TYPE>": integer("How many relationships of that type this source's rows made (one property per type)."),
    },
  },
  [TradeRecord]: {
    part: "data",
    meaning:
      "A reported (legal) trade record, one row of the CITES Trade Database: a different kind of fact from a seizure.",
    graphqlType: null,
    properties: {
      id: key("`cites-trade-<row id>`."),
      year: integer("The year of the trade."),
      yearText: text("The year as the source wrote it."),
      appendix: oneOf("CitesAppendix", "The CITES appendix the taxon was listed in."),
      appendixText: text("The appendix as the source wrote it."),
      taxonText: text("The taxon as reported: a species, or a genus such as `Manis spp.`."),
      genus: text("The taxon's genus, as reported."),
      family: text("The taxon's family, as reported."),
      term: text("The CITES trade term as written: skins, shoes, scales, live, ..."),
      quantity: float("The quantity traded, in `unit`."),
      quantityText: text("The quantity as the source wrote it."),
      unit: text("The unit as written; none means a number of specimens."),
      purpose: text("The CITES purpose code as written: T commercial, P personal, S scientific, ..."),
      sourceCode: text("The CITES source code as written: W wild, C captive-bred, I confiscated or seized, ..."),
      reporterType: text("Who reported it: I the importer, E the exporter."),
      importerText: text("The importing country's ISO code as written."),
      exporterText: text("The exporting country's ISO code as written."),
      originText: text("The country of origin's ISO code as written."),
    },
  },
};

/**
 * The lists of a TradeTally, per filter (`any` holds the one value `*`): the filter's values and,
 * one entry per value, the figures of its seizures.
 */
function tallyLists(): Record<string, PropertyModel> {
  const lists: Record<string, PropertyModel> = {};
  for (const filter of ["any", "mode", "source", "species", "product"]) {
    // Only `any` is always there: a filter none of the period's seizures has gets no lists.
    const required = { required: filter === "any" };
    Object.assign(lists, {
      [`${filter}Keys`]: texts(`The ${filter === "any" ? "value `*` (all seizures)" : `${filter} values`} it holds figures of.`, required),
      [`${filter}SeizureCounts`]: integers("Seizures counted, per value.", required),
      [`${filter}ShipmentCounts`]: integers("Shipments those seizures intercepted, per value.", required),
      [`${filter}WeighedSeizureCounts`]: integers("Seizures with a known weight on a matching line, per value.", required),
      [`${filter}WeightsKg`]: floats("The known weights of the matching lines, added up, per value (0 where none is known).", required),
      [`${filter}LastSeen`]: texts("A route's latest seizure date per value (`''` where none is known, and for hops and totals).", required),
      [`${filter}EvidenceEnds`]: integers("Where each value's evidence ends in the evidence lists; it starts where the previous one's ends.", required),
      [`${filter}EvidenceIds`]: texts("A route's latest seizures' ids, value after value, latest first (at most 50 a value).", required),
      [`${filter}EvidenceDates`]: texts("Their dates (`''` for an undated seizure).", required),
    });
  }
  return lists;
}

function trendLists(): Record<string, PropertyModel> {
  const lists: Record<string, PropertyModel> = {};
  for (const split of ["none", "species", "genus", "order", "product", "country"]) {
    const required = { required: true };
    Object.assign(lists, {
      [`${split}Keys`]: texts(split === "none" ? "The one key `''` (no split)." : `The ${split} keys it holds figures of (\`''\` for none known).`, required),
      [`${split}SeizureCounts`]: integers("Seizures counted, per key.", required),
      [`${split}WeighedSeizureCounts`]: integers("Seizures with a known weight on a counted line, per key.", required),
      [`${split}WeightsKg`]: floats("The known weights of the counted lines, added up, per key (0 where none is known).", required),
      [`${split}SourceEnds`]: integers("Where each key's source ids end in the source ids list; it starts where the previous one's ends.", required),
      [`${split}SourceIds`]: texts("The ids of the sources that report each key's seizures, key after key.", required),
    });
  }
  return lists;
}

/** Labels that are not facts: the analysis' results and the API's own records. */
export const otherLabels = {
  AnalysisRun: {
    part: "analysis",
    meaning: "One run of the ring analysis over a scope; only the latest of each scope is kept.",
    graphqlType: null,
    properties: {
      id: key("The run's id."),
      kind: text("What analysis it was: `rings`.", { required: true }),
      scope: text("The id prefix analysed; `''` for the whole graph.", { required: true }),
      computedAt: dateTime("When it ran.", { required: true }),
      parameters: text("The options it ran with, as JSON text.", { required: true }),
      durationMs: integer("How long it took, in milliseconds.", { required: true }),
      partyCount: integer("How many persons and companies the party graph held.", { required: true }),
      linkCount: integer("How many links the party graph held.", { required: true }),
      communityCount: integer("How many communities were found.", { required: true }),
      ringCount: integer("How many rings were kept.", { required: true }),
    },
  },
  MatchCandidate: {
    part: "analysis",
    meaning:
      "Two persons or two companies that may be one entity, with the score and the evidence of `npm run resolve` " +
      "(src/resolution/): a lead for an investigator to confirm or reject, never a merge.",
    graphqlType: "MatchCandidate",
    properties: {
      id: key(
        "`Person:<a>|<b>` or `Company:<a>|<b>`: the label and the two entities' ids in code-unit order, so that a run " +
          "finding the pair again updates the same node, and a decision can name the pair.",
      ),
      kind: oneOf("MatchKind", "Whether it pairs two persons or two companies.", { required: true }),
      aId: text("The id of the pair's first entity (the lower id).", { required: true }),
      bId: text("The id of the pair's second entity (the higher id).", { required: true }),
      score: float("How likely the two are one, 0 to 1: the logistic of the features' weights added up.", { required: true }),
      featureNames: texts("The evidence, one entry per feature: its name (`names`, `identifiers`, `birthYear`, ...).", {
        required: true,
        graphqlField: "features",
      }),
      featureWeights: floats("Each feature's log-odds weight, in the order of `featureNames`: positive says one, negative two.", {
        required: true,
        graphqlField: "features",
      }),
      featureDetails: texts("Each feature's explanation, in the order of `featureNames`: it quotes names and identifiers.", {
        required: true,
        personal: true,
        graphqlField: "features",
      }),
      scope: text("The id prefix of the run that last wrote it; `''` for the whole graph.", { required: true }),
      computedAt: dateTime("When that run computed it.", { required: true }),
    },
  },
  ResolutionDecision: {
    part: "resolution",
    meaning:
      "An investigator's decision that two persons (or two companies) are one entity (SAME) or not (DIFFERENT), with " +
      "who, when, why and the evidence; or one applied by `npm run resolve -- apply` above a score, marked automatic. A " +
      "live SAME decision joins the two with SAME_AS; undoing it removes that and keeps the decision as a record.",
    graphqlType: "ResolutionDecision",
    properties: {
      id: key("`decision-<time>-<random>`."),
      kind: oneOf("MatchKind", "Whether it decides on two persons or two companies.", { required: true }),
      verdict: oneOf("Verdict", "`SAME` (one entity) or `DIFFERENT` (two).", { required: true }),
      aId: text("The id of the pair's first entity (the lower id).", { required: true }),
      bId: text("The id of the pair's second entity (the higher id).", { required: true }),
      pairId: text("The pair's candidate id (`Person:<a>|<b>`), whether or not a candidate was stored for it.", {
        required: true,
        graphqlField: "candidateId",
      }),
      reason: text("Why, in the decider's words.", { required: true, personal: true }),
      decidedBy: text("The subject of the API key that decided, or `resolve-command` for an automatic decision.", { required: true }),
      decidedAt: dateTime("When.", { required: true }),
      automatic: flag("True when `npm run resolve -- apply` took it, above its score.", { required: true }),
      score: float("The pair's candidate score when decided; null when no candidate was stored (linked by hand)."),
      features: texts("The names of the candidate's features when decided (the evidence); empty without a candidate.", { required: true }),
      undoneAt: dateTime("When it was undone; null while it holds."),
      undoneBy: text("Who undid it."),
      undoReason: text("Why it was undone.", { personal: true }),
    },
  },
  Ring: {
    part: "analysis",
    meaning: "A group of persons and companies that act together, found by community detection.",
    graphqlType: "Ring",
    properties: {
      id: key("`<scope>ring-<run>-<rank>`: new ids each run."),
      runId: text("The run that found it.", { required: true }),
      scope: text("The run's scope.", { required: true }),
      rank: integer("1 = the largest ring of the run.", { required: true }),
      size: integer("How many members it has.", { required: true }),
      computedAt: dateTime("When its run ran.", { required: true }),
      seizureIds: texts("The seizures its members' shipments and arrests touch, latest first.", { required: true }),
      seizureCount: integer("How many seizures those are.", { required: true }),
      totalWeightKg: float("The known weights of the goods those seizures recovered, added up; null when none is known."),
      shipmentCount: integer("How many shipments its members were parties to.", { required: true }),
      density: float("The share of its pairs of members linked directly, 0 to 1; null for rings stored before it was kept."),
      closure: float("The share of its members' links' weight that stays among them, 0 to 1 (1 − conductance); null before it was kept."),
      meanCohesion: float("Its members' mean cohesion (the weight of their links into the ring); null before it was kept."),
      stability: float("The share of the analysis' seeded runs that found it (Jaccard 0.5 or more), 0 to 1; null before it was kept."),
    },
  },
  TradeEntity: {
    part: "aggregates",
    meaning:
      "A route, hop, transit hub or level total that the trade tallies count, whose members are the seized shipments that " +
      "follow it, or a month of the trends, whose members are the seizures dated in it (COUNTED_IN); kept true in the " +
      "transaction that changes their facts.",
    graphqlType: null,
    properties: {
      id: key(
        "`ROUTE|<level>|>key>key…`, `LINK|<level>|<source>><target>`, `TOTAL|<level>`, `HUB|<level>|<hub>`, `TRANSITS|<level>` " +
          "or `MONTH|<YYYY-MM>`.",
      ),
      kind: text(
        "`ROUTE`, `LINK`, `TOTAL` (every shipment with a hop), `HUB`, `TRANSITS` (every shipment with a transit) or `MONTH` (trends).",
        { required: true },
      ),
      level: text("`COUNTRY` (stops by country), `PLACE` (by place where known) or `TREND` (a month).", { required: true }),
      version: integer("Raised at every change of its members; a recount stores its tallies only if it is unchanged.", { required: true }),
      dirty: flag("Its members changed since its tallies were counted: queries count it from its members.", { required: true }),
      spansMonths: flag("A shipment it counts was seized in two different months, so months do not add up for it.", { required: true }),
      keys: texts("A route's stops: country ids, or at PLACE level place ids where known."),
      countries: texts("A route's stops' countries (`''` where unknown)."),
      places: texts("A route's stops' places at PLACE level (`''` where none)."),
      source: text("A hop's first stop: a Country or Place id."),
      target: text("A hop's next stop: a Country or Place id."),
      hub: text("A hub's stop: a Country id, or at PLACE level a Place or Country id."),
      month: text("A trends month, `YYYY-MM`."),
      taxonSpecies: texts("A trends month's species, as its last recount found them on its seizures' lines."),
      taxonGenera: texts("The genus each was counted under (`''` where none is known): a month whose species changed is counted from its members."),
      taxonOrders: texts("The order each was counted under (`''` where none is known)."),
    },
  },
  TradeTally: {
    part: "aggregates",
    meaning:
      "The figures of one entity for one period: for all its seizures, and for each value of each filter its seizures " +
      "have (mode, source, species, product), one list entry per value.",
    graphqlType: null,
    properties: {
      id: key("`<entity>|<period>`."),
      entity: text("The TradeEntity id.", { required: true }),
      period: text("`*` for all dates, else a month `YYYY-MM`.", { required: true }),
      ...tallyLists(),
    },
  },
  TrendTally: {
    part: "aggregates",
    meaning:
      "The trends figures of one month for one cell (all its seizures, or those of one country of seizure, mode, source, " +
      "species or product), for each way a trend splits them (none, species, genus, order, product, country): one list " +
      "entry per key (src/domain/trend-tallies.ts).",
    graphqlType: null,
    properties: {
      id: key("`<month entity>|<cell>`, the cell `any|*` or `<filter>|<value>`."),
      entity: text("The MONTH TradeEntity id.", { required: true }),
      month: text("The month, `YYYY-MM`.", { required: true }),
      cell: text("`any|*` (all seizures) or `<filter>|<value>` (`country`, `mode`, `source`, `species`, `product`).", { required: true }),
      ...trendLists(),
    },
  },
  ApiKey: {
    part: "access",
    meaning: "An API key of an embedding app. Only a hash of the key is kept, never the key.",
    graphqlType: null,
    properties: {
      id: key("The key's public id."),
      hash: text("The SHA-256 of the whole key, in hex.", { required: true }),
      role: text("The role the key acts with.", { required: true }),
      origins: texts("The web origins allowed to use it.", { required: true }),
      name: text("What the key is for.", { required: true }),
      createdAt: dateTime("When it was made.", { required: true }),
      revokedAt: dateTime("When it stopped working; null while it works."),
    },
  },
  AuditHead: {
    part: "access",
    meaning:
      "Where a shared audit chain ends (AUDIT_STORE=neo4j): each append locks it, takes the next seq and the previous " +
      "hash from it, and moves it on, so that every replica appends to one chain.",
    graphqlType: null,
    properties: {
      id: key("The chain's name (AUDIT_CHAIN)."),
      seq: integer("The last record's seq; the anchor's firstSeq − 1 before any record.", { required: true }),
      hash: text("The last record's hash; the anchor's previousHash before any record.", { required: true }),
      anchor: text("The chain's anchor line (JSON), rewritten when retention removes records.", { required: true }),
    },
  },
  AuditRecord: {
    part: "access",
    meaning: "One GraphQL operation in a shared audit chain, kept as the very line a trail file would hold.",
    graphqlType: null,
    properties: {
      id: key("`<chain>|<seq>`: one record per place in a chain."),
      chain: text("The chain it belongs to.", { required: true }),
      seq: integer("Its place in the chain: 1, 2, 3, ...", { required: true }),
      at: dateTime("When it was recorded (retention reads it).", { required: true }),
      subject: text("Who asked (`token:<sub>`, `key:<key id>`, `demo:<address>`): auditLog filters by it.", { required: true }),
      line: text("The record as JSON text, hashed fields and all: verification recomputes its hash from it.", { required: true }),
    },
  },
  AuditEntity: {
    part: "access",
    meaning: "A person or company that audit records disclosed, so that auditLog finds who was shown it.",
    graphqlType: null,
    properties: {
      id: key("`Person:<id>` or `Company:<id>`."),
    },
  },
  Watch: {
    part: "access",
    meaning:
      "What an investigator watches: a person, company, identifier or place by id, or a route between two countries. " +
      "Imports that add a seizure or shipment touching it make Alert nodes for its owner.",
    graphqlType: "Watch",
    properties: {
      id: key("`watch-<hash>` of the owner, kind and target: watching the same target again gives the same watch."),
      owner: text("The viewer's subject who watches (`token:<sub>`, `key:<key id>`).", { required: true }),
      kind: oneOf("WatchKind", "What it watches.", { required: true }),
      targetId: text("The watched node's id, or for a route `<from country id>><to country id>`.", { required: true }),
      fromCountry: text("A route's origin country id.", { graphqlField: "from" }),
      toCountry: text("A route's destination country id.", { graphqlField: "to" }),
      createdAt: dateTime("When it was first made.", { required: true }),
      removedAt: dateTime("When it was removed (unwatch); null while it is live."),
    },
  },
  Alert: {
    part: "access",
    meaning: "A seizure or shipment that touched a watch, made in the transaction of the import batch that added it.",
    graphqlType: "Alert",
    properties: {
      id: key("`<watch id>|<seizure or shipment id>`: importing the same rows again makes no second alert."),
      owner: text("The watch's owner: only they read it.", { required: true }),
      watchId: text("The watch it is for.", { required: true }),
      kind: oneOf("WatchKind", "The watch's kind.", { required: true }),
      via: oneOf("AlertReason", "How the fact touched the watched target.", { required: true }),
      factLabel: text("`Seizure` or `Shipment`.", { required: true }),
      factId: text("The seizure's or shipment's id.", { required: true }),
      createdAt: dateTime("When its batch was written.", { required: true }),
      seq: integer("1, 2, 3, ... over all alerts, in the order their batches committed: the read-back's cursor.", { required: true }),
    },
  },
  AlertCounter: {
    part: "access",
    meaning: "The one node that numbers alerts: a batch with new alerts locks it, so numbers follow commit order.",
    graphqlType: null,
    properties: {
      id: key("Always `alerts`."),
      last: integer("The last number given.", { required: true }),
    },
  },
} as const satisfies Record<string, LabelModel>;

export type OtherLabel = keyof typeof otherLabels;
export type ModelLabel = NodeLabel | OtherLabel;

/** Every label of the model, data first. */
export const labels: Readonly<Record<ModelLabel, LabelModel>> = { ...dataLabels, ...otherLabels };

/** Labels a node carries beside its own, with no properties of their own. */
export const markerLabels: Readonly<Record<string, string>> = {
  [SYNTHETIC_LABEL]:
    "An invented record (the fixture, generated networks): the API shows it as `synthetic: true`. " +
    "Reference facts (countries, places, species) are never synthetic.",
};

/** What every relationship made from data carries (see Provenance in `cypher/model.md`). */
export const CITATION_PROPERTIES: Readonly<Record<string, PropertyModel>> = {
  sourceId: text("The id of the Source that states it.", { required: true }),
  sourceRow: integer("The data row of that source (1 = first data row; 0 for hand-made records).", { required: true }),
};

const DATA_LABELS_BUT_SOURCE = Object.values(NodeLabel).filter((label) => label !== Source);

function fact(meaning: string, ends: readonly RelationshipEnds[], extra: Partial<RelationshipModel> = {}): RelationshipModel {
  return { part: "data", meaning, ends, symmetric: false, cited: true, properties: {}, graphqlTypes: [], ...extra };
}

function ends(
  from: readonly ModelLabel[],
  to: readonly ModelLabel[],
  forward: readonly FieldModel[],
  backward: readonly FieldModel[],
  note?: string,
): RelationshipEnds {
  return { from, to, forward, backward, ...(note === undefined ? {} : { note }) };
}

/** The relationship types of facts. Keyed by the enum, so the two cannot drift apart. */
export const dataRelationshipTypes: Readonly<Record<RelType, RelationshipModel>> = {
  [RelType.SeizedIn]: fact("The country where a seizure was made.", [
    ends([Seizure], [Country], [field("Seizure.country")], [paged("Country.seizures")]),
  ], { properties: { countryText: text("The country as the source wrote it.") } }),
  [RelType.SeizedAt]: fact("The place where a seizure was made.", [
    ends([Seizure], [Place], [field("Seizure.place")], [paged("Place.seizures")]),
  ], { properties: { placeText: text("The place as the source wrote it.") } }),
  [RelType.Intercepted]: fact("A shipment that a seizure stopped.", [
    ends([Seizure], [Shipment], [field("Seizure.shipments")], [field("Shipment.seizures")]),
  ]),
  [RelType.Recovered]: fact("Goods a seizure recovered.", [
    ends([Seizure], [CommodityLine], [field("Seizure.commodities")], [field("CommodityLine.seizure")]),
  ]),
  [RelType.Arrested]: fact("A person arrested in a seizure, and what followed.", [
    ends([Seizure], [Person], [field("Seizure.arrests")], [field("Person.arrests")]),
  ], {
    properties: {
      charge: text("The charge, as reported."),
      convicted: flag("Whether the person was convicted; null when not known."),
      sentence: text("The sentence, as reported."),
    },
    graphqlTypes: ["Arrest"],
  }),
  [RelType.Carried]: fact("Goods a shipment carried.", [
    ends([Shipment], [CommodityLine], [field("Shipment.commodities")], [field("CommodityLine.shipment")]),
  ]),
  [RelType.OfSpecies]: fact("The species of goods (or of a trade record's taxon, when it names a species).", [
    ends([CommodityLine], [Species], [field("CommodityLine.species")], [paged("Species.commodityLines")]),
    ends([TradeRecord], [Species], [], [], "not in the API yet"),
  ]),
  [RelType.StopsAt]: fact(
    "A stop of a shipment's route: at a Place when the record names a port, airport or crossing, at a Country when it names only a country.",
    [
      ends(
        [Shipment],
        [Place, Country],
        [field("Shipment.route", "in `seq` order")],
        [paged("Place.shipments"), paged("Country.shipments")],
      ),
    ],
    {
      properties: {
        seq: integer(
          "The order of the stops kept, from 0; stop 0 is a transit when the record names no origin.",
          { required: true, graphqlField: "sequence" },
        ),
        role: oneOf("StopRole", "The stop's role in the route.", { required: true }),
        placeText: text("The place as the source wrote it."),
        countryText: text("The country as the source wrote it."),
      },
      graphqlTypes: ["RouteStop"],
    },
  ),
  [RelType.CarriedBy]: fact("The carrier that moved a shipment.", [
    ends([Shipment], [Carrier], [field("Shipment.carrier")], [paged("Carrier.shipments")]),
  ]),
  [RelType.PartyTo]: fact("A person or company with a role in a shipment.", [
    ends([Person, Company], [Shipment], [field("Person.shipments"), field("Company.shipments")], [field("Shipment.parties")]),
  ], {
    properties: {
      role: oneOf("PartyRole", "The party's role.", { required: true }),
      roleText: text("The role as the source wrote it (driver, contact, buyer, ...), kept beside the model's role."),
    },
    graphqlTypes: ["ShipmentParty", "Participation"],
  }),
  [RelType.HasIdentifier]: fact("An identifier a person or company used.", [
    ends(
      [Person, Company],
      [Identifier],
      [field("Person.identifiers"), field("Company.identifiers")],
      [field("Identifier.holders")],
    ),
  ]),
  [RelType.OfficerOf]: fact("A person who holds an office in a company.", [
    ends([Person], [Company], [field("Person.offices")], [field("Company.officers")]),
  ], {
    properties: {
      role: text("The office: director, owner, ..."),
      roleText: text("The office as the source wrote it, when the import put it in other words in `role`."),
    },
    graphqlTypes: ["Office"],
  }),
  [RelType.NationalOf]: fact("A nationality of a person.", [
    ends([Person], [Country], [field("Person.nationalities")], [], "a country's nationals are not listed"),
  ]),
  [RelType.RegisteredIn]: fact("The country where a company is registered.", [
    ends([Company], [Country], [field("Company.country")], [paged("Country.companies")]),
  ]),
  [RelType.InCountry]: fact("The country a place is in.", [
    ends([Place], [Country], [field("Place.country")], [paged("Country.places")]),
  ]),
  [RelType.Borders]: fact("Two countries that share a land border, stored once, from the lower code to the higher.", [
    ends([Country], [Country], [field("Country.neighbours", "either direction")], [], "symmetric: one field"),
  ], { symmetric: true }),
  [RelType.SourcedFrom]: fact("The source that mentions a node, one per source.", [
    ends(
      DATA_LABELS_BUT_SOURCE,
      [Source],
      [field("Seizure.sources"), field("Shipment.sources"), field("Person.sources"), field("Company.sources")],
      [],
      "a source backs too many nodes to list",
    ),
  ], {
    cited: false,
    properties: { row: integer("The data row that made the node (1 = first data row; 0 for hand-made records).", { required: true }) },
    graphqlTypes: ["Citation"],
  }),
  [RelType.ImportedBy]: fact("The importing country of a trade record.", [ends([TradeRecord], [Country], [], [], "not in the API yet")]),
  [RelType.ExportedBy]: fact("The exporting (or re-exporting) country of a trade record.", [
    ends([TradeRecord], [Country], [], [], "not in the API yet"),
  ]),
  [RelType.OriginatedIn]: fact("The country of origin of a trade record, when it gives one.", [
    ends([TradeRecord], [Country], [], [], "not in the API yet"),
  ]),
  [RelType.Records]: fact("A trade record of confiscated specimens (CITES source I) and the seizure it also is.", [
    ends([TradeRecord], [Seizure], [], [], "not in the API yet"),
  ]),
};

/** Relationship types of the analysis' results. */
export const otherRelationshipTypes = {
  FOUND: {
    part: "analysis",
    meaning: "A ring a run found.",
    ends: [ends(["AnalysisRun"], ["Ring"], [], [], "the `rings` root field reads the latest run's rings")],
    symmetric: false,
    cited: false,
    properties: {},
    graphqlTypes: [],
  },
  RING_MEMBER: {
    part: "analysis",
    meaning: "A member of a ring, with its place in the ring.",
    ends: [ends(["Ring"], [Person, Company], [field("Ring.members"), field("Ring.brokers")], [], "the `ringOf` root field reads it backward")],
    symmetric: false,
    cited: false,
    properties: {
      brokerRank: integer("1 = the ring's strongest broker; null for a member who bridges nothing."),
      brokerScore: float("How much the member bridges otherwise separate parts of the ring.", { required: true }),
      cohesion: float("How tightly the member is tied to the rest of the ring.", { required: true }),
    },
    graphqlTypes: ["RingMember"],
  },
  CANDIDATE: {
    part: "analysis",
    meaning: "A resolution candidate and one of the two entities it pairs (two relationships per candidate).",
    ends: [
      ends(
        ["MatchCandidate"],
        [Person, Company],
        [field("MatchCandidate.a"), field("MatchCandidate.b")],
        [],
        "an entity's candidates are not listed from the entity yet",
      ),
    ],
    symmetric: false,
    cited: false,
    properties: {},
    graphqlTypes: [],
  },
  SAME_AS: {
    part: "resolution",
    meaning:
      "Two persons (or two companies) decided to be one entity by a live SAME decision (its id in `decisionId`); the " +
      "resolved view of search, network, connections, counts and rings treats the entities it joins as one.",
    ends: [
      ends([Person], [Person], [], [], "followed by the resolved view, never shown as an edge"),
      ends([Company], [Company], [], [], "followed by the resolved view, never shown as an edge"),
    ],
    symmetric: true,
    cited: false,
    properties: {
      decisionId: text("The decision that made it.", { required: true }),
    },
    graphqlTypes: [],
  },
  DECIDES: {
    part: "resolution",
    meaning: "A resolution decision and one of the two entities it decides on (two relationships per decision).",
    ends: [ends(["ResolutionDecision"], [Person, Company], [field("ResolutionDecision.a"), field("ResolutionDecision.b")], [], "resolutionDecisions(entityId:) lists them from the entity")],
    symmetric: false,
    cited: false,
    properties: {},
    graphqlTypes: [],
  },
  COUNTED_IN: {
    part: "aggregates",
    meaning: "A seized shipment and a trade entity it follows, or a dated seizure and its month (aggregates/touch-shipments.cypher).",
    ends: [
      ends([Shipment], ["TradeEntity"], [], [], "the routes and flows fields read the tallies it is counted into"),
      ends([Seizure], ["TradeEntity"], [], [], "the trends field reads the tallies of the month it is counted into"),
    ],
    symmetric: false,
    cited: false,
    properties: {},
    graphqlTypes: [],
  },
  PASSES: {
    part: "aggregates",
    meaning: "A route entity and a country it stops in, with the first and last of those stops' positions.",
    ends: [ends(["TradeEntity"], [Country], [], [], "the routes field finds the routes between two countries by it")],
    symmetric: false,
    cited: false,
    properties: {
      first: integer("The position of its first stop in the country (0 = the route's first stop).", { required: true }),
      last: integer("The position of its last stop in the country.", { required: true }),
    },
    graphqlTypes: [],
  },
  DISCLOSED: {
    part: "access",
    meaning: "A shared audit record and a person or company its response showed in clear.",
    ends: [ends(["AuditRecord"], ["AuditEntity"], [], [], "auditLog(disclosed:) follows it backward")],
    symmetric: false,
    cited: false,
    properties: {},
    graphqlTypes: [],
  },
} as const satisfies Record<string, RelationshipModel>;

export type OtherRelationshipType = keyof typeof otherRelationshipTypes;
export type ModelRelationshipType = RelType | OtherRelationshipType;

/** Every relationship type of the model, data first. */
export const relationshipTypes: Readonly<Record<ModelRelationshipType, RelationshipModel>> = {
  ...dataRelationshipTypes,
  ...otherRelationshipTypes,
};

/** Every property a relationship of the type may carry: its citation first, when it has one. */
export function relationshipProperties(type: ModelRelationshipType): Readonly<Record<string, PropertyModel>> {
  const model = relationshipTypes[type];
  return model.cited ? { ...CITATION_PROPERTIES, ...model.properties } : model.properties;
}

/**
 * Property names as stored: a templated name (`nodes.<Label>`, `relationships.<TYPE>`) stands for
 * one property per data label or relationship type.
 */
export function expandPropertyName(name: string): string[] {
  if (name.includes("<Label>")) return Object.values(NodeLabel).map((label) => name.replace("<Label>", label));
  if (name.includes("<TYPE>")) return Object.values(RelType).map((type) => name.replace("<TYPE>", type));
  return [name];
}

export function isModelLabel(name: string): name is ModelLabel {
  return Object.hasOwn(labels, name);
}

export function isModelRelationshipType(name: string): name is ModelRelationshipType {
  return Object.hasOwn(relationshipTypes, name);
}
