import neo4j, { type Driver, type Integer } from "neo4j-driver";

import { PlaceKind, Product, QuantityUnit, StopRole, TransportMode } from "../src/domain/vocabulary.js";
import { Random } from "./random.js";

/**
 * The benchmark's graph: invented shipments and seizures over 30 countries, shaped as in
 * `cypher/model.md`. Every node gets the label `:Synthetic`. Every id starts with `bench-` except
 * countries', which the model and the API's CountryCode scalar require to be ISO 3166-1 codes (a
 * seizure filter on `country: "bench-VN"` would be refused before it reached a resolver).
 */

export const SEED = 20_240_601;
export const SOURCE_ID = "bench-source";
const BATCH_SIZE = 1_000;

export const SIZES = { countries: 30, placesPerCountry: 10, species: 50, shipments: 5_000, seizures: 3_000 } as const;

export interface CountryRow {
  id: string;
  iso3: string;
  name: string;
}

export interface PlaceRow {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string;
  latitude: number;
  longitude: number;
}

export interface SpeciesRow {
  id: string;
  scientificName: string;
  citesAppendix: string;
  taxonClass: string;
  order: string;
  family: string;
  genus: string;
}

export interface StopRow {
  seq: number;
  role: StopRole;
  /** A place id, or a country code for a stop the record names only by country. */
  at: string;
  placeText: string;
}

export interface ShipmentRow {
  id: string;
  mode: TransportMode;
  declaredContents: string;
  containerNumber: string | null;
  airWaybill: string | null;
  departedOn: string;
  placeStops: StopRow[];
  countryStops: StopRow[];
}

export interface LineRow {
  id: string;
  shipment: string;
  species: string;
  product: Product;
  quantity: number;
  unit: QuantityUnit;
  quantityText: string;
  weightKg: number | null;
}

export interface SeizureRow {
  id: string;
  shipment: string;
  country: string;
  place: string;
  date: string;
  agency: string;
  locationText: string;
  description: string;
  concealment: string;
  detectionMethod: string;
  arrestCount: number;
  lines: string[];
}

export interface Dataset {
  countries: CountryRow[];
  places: PlaceRow[];
  species: SpeciesRow[];
  shipments: ShipmentRow[];
  lines: LineRow[];
  seizures: SeizureRow[];
}

/** Node and relationship counts of a dataset, as the report shows them. */
export interface DatasetCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

// Real, assigned ISO codes: the API refuses any other as a filter value.
const COUNTRIES: readonly (readonly [string, string, string])[] = [
  ["VN", "VNM", "Viet Nam"], ["CN", "CHN", "China"], ["LA", "LAO", "Lao People's Democratic Republic"],
  ["TH", "THA", "Thailand"], ["MM", "MMR", "Myanmar"], ["KH", "KHM", "Cambodia"], ["HK", "HKG", "Hong Kong"],
  ["MY", "MYS", "Malaysia"], ["SG", "SGP", "Singapore"], ["ID", "IDN", "Indonesia"], ["PH", "PHL", "Philippines"],
  ["IN", "IND", "India"], ["BD", "BGD", "Bangladesh"], ["NP", "NPL", "Nepal"], ["LK", "LKA", "Sri Lanka"],
  ["PK", "PAK", "Pakistan"], ["AE", "ARE", "United Arab Emirates"], ["NG", "NGA", "Nigeria"],
  ["CM", "CMR", "Cameroon"], ["KE", "KEN", "Kenya"], ["TZ", "TZA", "Tanzania"], ["UG", "UGA", "Uganda"],
  ["MZ", "MOZ", "Mozambique"], ["ZA", "ZAF", "South Africa"], ["CD", "COD", "Democratic Republic of the Congo"],
  ["CG", "COG", "Congo"], ["GA", "GAB", "Gabon"], ["AO", "AGO", "Angola"], ["ET", "ETH", "Ethiopia"],
  ["KR", "KOR", "Republic of Korea"],
];

// Real genera with invented epithets: 10 × 5 = 50 species that cannot be mistaken for real records.
const GENERA: readonly (readonly [genus: string, order: string, family: string, taxonClass: string])[] = [
  ["Manis", "Pholidota", "Manidae", "Mammalia"],
  ["Panthera", "Carnivora", "Felidae", "Mammalia"],
  ["Loxodonta", "Proboscidea", "Elephantidae", "Mammalia"],
  ["Ceratotherium", "Perissodactyla", "Rhinocerotidae", "Mammalia"],
  ["Diceros", "Perissodactyla", "Rhinocerotidae", "Mammalia"],
  ["Ursus", "Carnivora", "Ursidae", "Mammalia"],
  ["Testudo", "Testudines", "Testudinidae", "Reptilia"],
  ["Python", "Squamata", "Pythonidae", "Reptilia"],
  ["Psittacus", "Psittaciformes", "Psittacidae", "Aves"],
  ["Totoaba", "Perciformes", "Sciaenidae", "Actinopterygii"],
];
const EPITHETS = ["fictus", "simulatus", "inventus", "syntheticus", "exemplaris"];

const PLACE_KINDS = [PlaceKind.SEAPORT, PlaceKind.AIRPORT, PlaceKind.BORDER_CROSSING, PlaceKind.RIVER_PORT, PlaceKind.CITY];
const MODES = [
  TransportMode.SEA, TransportMode.AIR, TransportMode.ROAD, TransportMode.RIVER, TransportMode.POST,
  TransportMode.PASSENGER_LUGGAGE,
];
const MODE_WEIGHTS = [35, 30, 15, 5, 5, 10];
const PRODUCTS = [
  Product.SCALES, Product.RAW_IVORY, Product.WORKED_IVORY, Product.HORN, Product.BONE, Product.SKIN, Product.LIVE,
  Product.MEAT, Product.SWIM_BLADDER,
];
const COVERS = ["cashew nuts", "sawn timber", "frozen fish", "handicrafts", "personal effects", "dried seafood", "plastic scrap"];
const CONCEALMENTS = ["behind a wall of sacks", "in false-bottomed crates", "wrapped in foil in suitcases", "in frozen fish", "in hollowed timber"];
const DETECTION = ["X-ray scan", "sniffer dog", "tip-off", "risk profiling", "checkpoint inspection"];

const DAY_MS = 86_400_000;
const FIRST_DEPARTURE = Date.UTC(2010, 0, 1) / DAY_MS;
const LAST_DEPARTURE = Date.UTC(2024, 10, 30) / DAY_MS;

/** The whole dataset as rows, from one seed. Nothing here touches the database. */
export function generateDataset(seed = SEED): Dataset {
  const random = new Random(seed);

  const countries: CountryRow[] = COUNTRIES.slice(0, SIZES.countries).map(([id, iso3, name]) => ({ id, iso3, name }));
  const countryName = new Map(countries.map((country) => [country.id, country.name]));

  const places: PlaceRow[] = countries.flatMap((country) =>
    Array.from({ length: SIZES.placesPerCountry }, (_, index) => {
      const kind = PLACE_KINDS[index % PLACE_KINDS.length]!;
      const number = String(index + 1).padStart(2, "0");
      return {
        id: `bench-place-${country.id.toLowerCase()}-${number}`,
        name: `Bench ${kind.toLowerCase().replace("_", " ")} ${country.id}-${number}`,
        kind,
        country: country.id,
        latitude: round(random.next() * 120 - 50, 4),
        longitude: round(random.next() * 300 - 150, 4),
      };
    }),
  );
  const placesIn = new Map(countries.map((country) => [country.id, places.filter((place) => place.country === country.id)]));
  const placeById = new Map(places.map((place) => [place.id, place]));

  const species: SpeciesRow[] = GENERA.flatMap(([genus, order, family, taxonClass]) =>
    EPITHETS.map((epithet) => ({
      id: `bench-${genus.toLowerCase()}-${epithet}`,
      scientificName: `${genus} ${epithet}`,
      citesAppendix: random.pick(["I", "II", "III"]),
      taxonClass,
      order,
      family,
      genus,
    })),
  ).slice(0, SIZES.species);

  // Destinations follow a skewed (Zipf-like) distribution, so that countries have very different
  // numbers of seizures and the list benchmark sees both short and long filtered lists.
  const destinationOrder = random.shuffle(countries.map((country) => country.id));
  const destinationWeights = destinationOrder.map((_, rank) => 1 / (rank + 1) ** 0.8);

  const shipments: ShipmentRow[] = [];
  const lines: LineRow[] = [];
  for (let index = 0; index < SIZES.shipments; index++) {
    const id = `bench-shipment-${pad(index + 1, 5)}`;
    const mode = random.weighted(MODES, MODE_WEIGHTS);
    const origin = random.pick(countries).id;
    let destination = random.weighted(destinationOrder, destinationWeights);
    if (destination === origin) destination = destinationOrder[(destinationOrder.indexOf(destination) + 1) % destinationOrder.length]!;

    const transits = random.int(0, 2);
    const stops: StopRow[] = [];
    const stopAt = (at: string, role: StopRole, text: string) => stops.push({ seq: stops.length, role, at, placeText: text });
    const originPlace = random.pick(placesIn.get(origin)!);
    stopAt(originPlace.id, StopRole.ORIGIN, originPlace.name);
    for (let transit = 0; transit < transits; transit++) {
      const country = random.pick(countries).id;
      // Some records name only the transit country; the model then points the stop at the Country.
      if (random.chance(0.15)) stopAt(country, StopRole.TRANSIT, countryName.get(country)!);
      else {
        const place = random.pick(placesIn.get(country)!);
        stopAt(place.id, StopRole.TRANSIT, place.name);
      }
    }
    const destinationPlace = random.pick(placesIn.get(destination)!);
    stopAt(destinationPlace.id, StopRole.DESTINATION, destinationPlace.name);

    shipments.push({
      id,
      mode,
      declaredContents: random.pick(COVERS),
      containerNumber: mode === TransportMode.SEA ? `BNCH${pad(index + 1, 7)}` : null,
      airWaybill: mode === TransportMode.AIR ? `999-${pad(index + 1, 8)}` : null,
      departedOn: isoDate(random.int(FIRST_DEPARTURE, LAST_DEPARTURE)),
      placeStops: stops.filter((stop) => placeById.has(stop.at)),
      countryStops: stops.filter((stop) => !placeById.has(stop.at)),
    });

    const lineCount = random.int(1, 2);
    for (let line = 0; line < lineCount; line++) {
      const product = random.pick(PRODUCTS);
      const unit = product === Product.LIVE ? QuantityUnit.INDIVIDUALS : product === Product.WORKED_IVORY ? QuantityUnit.PIECES : QuantityUnit.KG;
      const quantity = unit === QuantityUnit.KG ? round(0.5 + random.next() * 3_000, 1) : random.int(1, 500);
      lines.push({
        id: `bench-line-${pad(lines.length + 1, 6)}`,
        shipment: id,
        species: random.pick(species).id,
        product,
        quantity,
        unit,
        quantityText: `${quantity} ${unit === QuantityUnit.KG ? "kg" : unit.toLowerCase()}`,
        weightKg: unit === QuantityUnit.KG ? quantity : null,
      });
    }
  }

  const linesOf = new Map<string, string[]>();
  for (const line of lines) linesOf.set(line.shipment, [...(linesOf.get(line.shipment) ?? []), line.id]);

  // Each seizure intercepts a different shipment, at its destination or at one of its named stops.
  const seizures: SeizureRow[] = random
    .shuffle(shipments)
    .slice(0, SIZES.seizures)
    .map((shipment, index) => {
      const stops = shipment.placeStops;
      const stop = random.chance(0.7) ? stops[stops.length - 1]! : random.pick(stops);
      const place = placeById.get(stop.at)!;
      const date = isoDate(Date.parse(shipment.departedOn) / DAY_MS + random.int(1, 30));
      return {
        id: `bench-seizure-${pad(index + 1, 5)}`,
        shipment: shipment.id,
        country: place.country,
        place: place.id,
        date,
        agency: `${countryName.get(place.country)} Customs`,
        locationText: place.name,
        description: `Synthetic seizure ${index + 1}, generated for benchmarks`,
        concealment: random.pick(CONCEALMENTS),
        detectionMethod: random.pick(DETECTION),
        arrestCount: random.int(0, 3),
        lines: linesOf.get(shipment.id)!,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  return { countries, places, species, shipments, lines, seizures };
}

/** What `loadDataset` creates, counted from the rows. */
export function countDataset(data: Dataset): DatasetCounts {
  const stops = data.shipments.reduce((sum, shipment) => sum + shipment.placeStops.length + shipment.countryStops.length, 0);
  const nodes = {
    Country: data.countries.length,
    Place: data.places.length,
    Species: data.species.length,
    Shipment: data.shipments.length,
    CommodityLine: data.lines.length,
    Seizure: data.seizures.length,
    Source: 1,
  };
  const sourced = Object.entries(nodes).reduce((sum, [label, count]) => sum + (label === "Source" ? 0 : count), 0);
  return {
    nodes,
    relationships: {
      IN_COUNTRY: data.places.length,
      STOPS_AT: stops,
      CARRIED: data.lines.length,
      OF_SPECIES: data.lines.length,
      SEIZED_IN: data.seizures.length,
      SEIZED_AT: data.seizures.length,
      INTERCEPTED: data.seizures.length,
      RECOVERED: data.seizures.reduce((sum, seizure) => sum + seizure.lines.length, 0),
      SOURCED_FROM: sourced,
    },
  };
}

// Every relationship records its source, as the model asks; generated records use row 0, as the
// hand-made fixture does. Integers are cast in Cypher: the driver sends JavaScript numbers as floats.
const LOAD_STATEMENTS = {
  source: `
    CREATE (:Source:Synthetic {id: $source, title: "Generated benchmark dataset (invented records)",
      publisher: "mekong-trafficking-graph bench", kind: "SYNTHETIC", reliability: "F", licence: "MIT",
      retrievedOn: date("2024-06-01")})`,
  countries: `
    UNWIND $rows AS row
    MATCH (s:Source {id: $source})
    CREATE (c:Country:Synthetic {id: row.id, iso3: row.iso3, name: row.name, alternativeNames: [], searchText: row.name})
    CREATE (c)-[:SOURCED_FROM {row: 0}]->(s)`,
  places: `
    UNWIND $rows AS row
    MATCH (s:Source {id: $source}), (c:Country {id: row.country})
    CREATE (p:Place:Synthetic {id: row.id, name: row.name, kind: row.kind, latitude: row.latitude, longitude: row.longitude})
    CREATE (p)-[:IN_COUNTRY {sourceId: $source, sourceRow: 0}]->(c)
    CREATE (p)-[:SOURCED_FROM {row: 0}]->(s)`,
  species: `
    UNWIND $rows AS row
    MATCH (s:Source {id: $source})
    CREATE (sp:Species:Synthetic {id: row.id, scientificName: row.scientificName, name: row.scientificName,
      citesAppendix: row.citesAppendix, kingdom: "Animalia", phylum: "Chordata", taxonClass: row.taxonClass,
      order: row.order, family: row.family, genus: row.genus, searchText: ""})
    CREATE (sp)-[:SOURCED_FROM {row: 0}]->(s)`,
  shipments: `
    UNWIND $rows AS row
    MATCH (s:Source {id: $source})
    CREATE (sh:Shipment:Synthetic {id: row.id, mode: row.mode, declaredContents: row.declaredContents,
      containerNumber: row.containerNumber, airWaybill: row.airWaybill, departedOn: date(row.departedOn)})
    CREATE (sh)-[:SOURCED_FROM {row: 0}]->(s)
    WITH sh, row
    CALL (sh, row) {
      UNWIND row.placeStops AS stop
      MATCH (p:Place {id: stop.at})
      CREATE (sh)-[:STOPS_AT {seq: toInteger(stop.seq), role: stop.role, placeText: stop.placeText, sourceId: $source, sourceRow: 0}]->(p)
    }
    CALL (sh, row) {
      UNWIND row.countryStops AS stop
      MATCH (c:Country {id: stop.at})
      CREATE (sh)-[:STOPS_AT {seq: toInteger(stop.seq), role: stop.role, placeText: stop.placeText, sourceId: $source, sourceRow: 0}]->(c)
    }`,
  lines: `
    UNWIND $rows AS row
    MATCH (s:Source {id: $source}), (sh:Shipment {id: row.shipment}), (sp:Species {id: row.species})
    CREATE (cl:CommodityLine:Synthetic {id: row.id, product: row.product, quantity: toFloat(row.quantity), unit: row.unit,
      quantityText: row.quantityText, weightKg: toFloat(row.weightKg)})
    CREATE (sh)-[:CARRIED {sourceId: $source, sourceRow: 0}]->(cl)
    CREATE (cl)-[:OF_SPECIES {sourceId: $source, sourceRow: 0}]->(sp)
    CREATE (cl)-[:SOURCED_FROM {row: 0}]->(s)`,
  seizures: `
    UNWIND $rows AS row
    MATCH (s:Source {id: $source}), (sh:Shipment {id: row.shipment}), (c:Country {id: row.country}), (p:Place {id: row.place})
    CREATE (sz:Seizure:Synthetic {id: row.id, date: date(row.date), dateText: row.date, agency: row.agency,
      locationText: row.locationText, description: row.description, concealment: row.concealment,
      detectionMethod: row.detectionMethod, arrestCount: toInteger(row.arrestCount)})
    CREATE (sz)-[:SOURCED_FROM {row: 0}]->(s)
    CREATE (sz)-[:SEIZED_IN {sourceId: $source, sourceRow: 0}]->(c)
    CREATE (sz)-[:SEIZED_AT {sourceId: $source, sourceRow: 0}]->(p)
    CREATE (sz)-[:INTERCEPTED {sourceId: $source, sourceRow: 0}]->(sh)
    WITH sz, row
    CALL (sz, row) {
      UNWIND row.lines AS lineId
      MATCH (cl:CommodityLine {id: lineId})
      CREATE (sz)-[:RECOVERED {sourceId: $source, sourceRow: 0}]->(cl)
    }`,
} as const;

/**
 * Writes the dataset in `UNWIND` batches, one transaction per batch, in dependency order. The
 * uniqueness constraints must be in place first: every `MATCH ... {id: ...}` here relies on them.
 */
export async function loadDataset(
  driver: Driver,
  database: string,
  data: Dataset,
  log: (line: string) => void = () => {},
): Promise<void> {
  const write = (query: string, rows: readonly object[] = []) =>
    driver.executeQuery(query, { rows, source: SOURCE_ID }, { database, routing: neo4j.routing.WRITE });
  await write(LOAD_STATEMENTS.source);
  const tables: [keyof typeof LOAD_STATEMENTS, readonly object[]][] = [
    ["countries", data.countries],
    ["places", data.places],
    ["species", data.species],
    ["shipments", data.shipments],
    ["lines", data.lines],
    ["seizures", data.seizures],
  ];
  for (const [name, rows] of tables) {
    const began = performance.now();
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      await write(LOAD_STATEMENTS[name], rows.slice(start, start + BATCH_SIZE));
    }
    log(`  ${name}: ${rows.length} rows in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
}

/** The counts in the database, to check the load against `countDataset`. */
export async function countInDatabase(driver: Driver, database: string, expected: DatasetCounts): Promise<DatasetCounts> {
  // Labels and types come from the fixed lists above, never from input.
  const nodeColumns = Object.keys(expected.nodes).map((label) => `COUNT { (:${label}:Synthetic) } AS ${label}`);
  const relColumns = Object.keys(expected.relationships).map((type) => `COUNT { ()-[:${type}]->() } AS ${type}`);
  const { records } = await driver.executeQuery(`RETURN ${[...nodeColumns, ...relColumns].join(", ")}`, {}, {
    database,
    routing: neo4j.routing.READ,
  });
  const row = records[0]!;
  const read = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, (row.get(key) as Integer).toNumber()]));
  return { nodes: read(Object.keys(expected.nodes)), relationships: read(Object.keys(expected.relationships)) };
}

/** Removes the benchmark's nodes (only used on a server the benchmark did not start). */
export async function deleteDataset(driver: Driver, database: string, countryCodes: readonly string[]): Promise<void> {
  for (;;) {
    const { records } = await driver.executeQuery(
      `MATCH (n:Synthetic)
       WHERE n.id STARTS WITH "bench-" OR (n:Country AND n.id IN $countries)
       WITH n LIMIT 5000
       DETACH DELETE n
       RETURN count(*) AS deleted`,
      { countries: countryCodes },
      { database, routing: neo4j.routing.WRITE },
    );
    if ((records[0]!.get("deleted") as Integer).toNumber() === 0) return;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function isoDate(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}
