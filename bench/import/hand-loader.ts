import { createReadStream } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse";
import type { Driver } from "neo4j-driver";

/**
 * The practical ceiling for online loading: the same CSV rows as the engine loads, written with one
 * hand-written `UNWIND $rows AS row MERGE ...` statement per file and batch. Parameters are the CSV
 * records as csv-parse gives them (empty cell = null): no mapping, no normalisation, no checks.
 */

export const HAND_BATCH_SIZE = 10_000;

const NETWORK = "generated-network";
const REFERENCE = "generator-reference";

/** One file and its statement; `row` is the data row number from 1, `$sourceId` the file's Source. */
interface HandStep {
  readonly file: string;
  readonly sourceId: string | null;
  readonly cypher: string;
}

const provenance = `MERGE (n)-[p:SOURCED_FROM]->(source) ON CREATE SET p.row = row.row`;

export const HAND_STEPS: readonly HandStep[] = [
  {
    file: "places.csv",
    sourceId: REFERENCE,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Place {id: row.id})
SET n.name = row.name, n.kind = row.kind, n.locode = row.locode, n.iataCode = row.iataCode, n.latitude = row.latitude, n.longitude = row.longitude
${provenance}
WITH n, row MATCH (c:Country {id: row.countryId})
MERGE (n)-[r:IN_COUNTRY {sourceId: $sourceId, sourceRow: row.row}]->(c)`,
  },
  {
    file: "species.csv",
    sourceId: REFERENCE,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Species {id: row.id})
SET n.scientificName = row.scientificName, n.name = row.scientificName, n.citesAppendix = row.citesAppendix, n.taxonClass = row.taxonClass,
    n.order = row.order, n.family = row.family, n.genus = row.genus, n.commonNamesEn = row.commonNamesEn
${provenance}`,
  },
  {
    file: "persons.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n:Synthetic, n.name = row.name, n.aliases = row.aliases, n.birthYear = row.birthYear
${provenance}
WITH n, row MATCH (c:Country {id: row.nationalityId})
MERGE (n)-[:NATIONAL_OF {sourceId: $sourceId, sourceRow: row.row}]->(c)`,
  },
  {
    file: "companies.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Company {id: row.id})
SET n:Synthetic, n.name = row.name, n.kind = row.kind, n.incorporatedOn = row.incorporatedOn
${provenance}
WITH n, row MATCH (c:Country {id: row.countryId})
MERGE (n)-[:REGISTERED_IN {sourceId: $sourceId, sourceRow: row.row}]->(c)`,
  },
  {
    file: "identifiers.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Identifier {id: row.id})
SET n:Synthetic, n.kind = row.kind, n.value = row.value, n.rawValue = row.rawValue
${provenance}`,
  },
  {
    file: "identifier-holders.csv",
    sourceId: NETWORK,
    cypher: `UNWIND $rows AS row
MATCH (i:Identifier {id: row.identifierId})
CALL { WITH row, i WITH row, i WHERE row.holderKind = 'Person' MATCH (h:Person {id: row.holderId})
  MERGE (h)-[:HAS_IDENTIFIER {sourceId: $sourceId, sourceRow: row.row}]->(i) }
CALL { WITH row, i WITH row, i WHERE row.holderKind = 'Company' MATCH (h:Company {id: row.holderId})
  MERGE (h)-[:HAS_IDENTIFIER {sourceId: $sourceId, sourceRow: row.row}]->(i) }`,
  },
  {
    file: "officers.csv",
    sourceId: NETWORK,
    cypher: `UNWIND $rows AS row
MATCH (p:Person {id: row.personId}) MATCH (c:Company {id: row.companyId})
MERGE (p)-[r:OFFICER_OF {sourceId: $sourceId, sourceRow: row.row}]->(c) SET r.role = row.role`,
  },
  {
    file: "carriers.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Carrier {id: row.id})
SET n:Synthetic, n.name = row.name, n.kind = row.kind, n.iataCode = row.iataCode, n.imoNumber = row.imoNumber
${provenance}`,
  },
  {
    file: "shipments.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Shipment {id: row.id})
SET n:Synthetic, n.mode = row.mode, n.declaredContents = row.declaredContents, n.containerNumber = row.containerNumber,
    n.billOfLading = row.billOfLading, n.airWaybill = row.airWaybill, n.departedOn = row.departedOn
${provenance}
WITH n, row MATCH (c:Carrier {id: row.carrierId})
MERGE (n)-[:CARRIED_BY {sourceId: $sourceId, sourceRow: row.row}]->(c)`,
  },
  {
    file: "route-stops.csv",
    sourceId: NETWORK,
    cypher: `UNWIND $rows AS row
MATCH (s:Shipment {id: row.shipmentId})
CALL { WITH row, s WITH row, s WHERE row.placeId IS NOT NULL MATCH (p:Place {id: row.placeId})
  MERGE (s)-[r:STOPS_AT {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(p) SET r.role = row.role, r.placeText = row.placeText }
CALL { WITH row, s WITH row, s WHERE row.placeId IS NULL MATCH (c:Country {id: row.countryId})
  MERGE (s)-[r:STOPS_AT {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(c)
  SET r.role = row.role, r.placeText = row.placeText, r.countryText = row.placeText }`,
  },
  {
    file: "parties.csv",
    sourceId: NETWORK,
    cypher: `UNWIND $rows AS row
MATCH (s:Shipment {id: row.shipmentId})
CALL { WITH row, s WITH row, s WHERE row.partyKind = 'Person' MATCH (h:Person {id: row.partyId})
  MERGE (h)-[r:PARTY_TO {sourceId: $sourceId, sourceRow: row.row}]->(s) SET r.role = row.role }
CALL { WITH row, s WITH row, s WHERE row.partyKind = 'Company' MATCH (h:Company {id: row.partyId})
  MERGE (h)-[r:PARTY_TO {sourceId: $sourceId, sourceRow: row.row}]->(s) SET r.role = row.role }`,
  },
  {
    file: "seizures.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:Seizure {id: row.id})
SET n:Synthetic, n.date = row.date, n.dateText = row.dateText, n.agency = row.agency, n.locationText = row.locationText,
    n.description = row.description, n.concealment = row.concealment, n.detectionMethod = row.detectionMethod,
    n.arrestCount = row.arrestCount, n.outcome = row.outcome
${provenance}
WITH n, row
CALL { WITH n, row MATCH (s:Shipment {id: row.shipmentId}) MERGE (n)-[:INTERCEPTED {sourceId: $sourceId, sourceRow: row.row}]->(s) }
CALL { WITH n, row MATCH (c:Country {id: row.countryId}) MERGE (n)-[:SEIZED_IN {sourceId: $sourceId, sourceRow: row.row}]->(c) }
CALL { WITH n, row MATCH (p:Place {id: row.placeId}) MERGE (n)-[:SEIZED_AT {sourceId: $sourceId, sourceRow: row.row}]->(p) }`,
  },
  {
    file: "commodity-lines.csv",
    sourceId: NETWORK,
    cypher: `MATCH (source:Source {id: $sourceId}) UNWIND $rows AS row
MERGE (n:CommodityLine {id: row.id})
SET n:Synthetic, n.product = row.product, n.quantity = row.quantity, n.unit = row.unit, n.quantityText = row.quantityText, n.weightKg = row.weightKg
${provenance}
WITH n, row
CALL { WITH n, row MATCH (s:Shipment {id: row.shipmentId}) MERGE (s)-[:CARRIED {sourceId: $sourceId, sourceRow: row.row}]->(n) }
CALL { WITH n, row MATCH (z:Seizure {id: row.seizureId}) MERGE (z)-[:RECOVERED {sourceId: $sourceId, sourceRow: row.row}]->(n) }
CALL { WITH n, row MATCH (x:Species {id: row.speciesId}) MERGE (n)-[:OF_SPECIES {sourceId: $sourceId, sourceRow: row.row}]->(x) }`,
  },
  {
    file: "arrests.csv",
    sourceId: NETWORK,
    cypher: `UNWIND $rows AS row
MATCH (z:Seizure {id: row.seizureId}) MATCH (p:Person {id: row.personId})
MERGE (z)-[r:ARRESTED {sourceId: $sourceId, sourceRow: row.row}]->(p) SET r.charge = row.charge, r.sentence = row.sentence`,
  },
];

const COUNTRIES_CYPHER = `UNWIND $rows AS row
MERGE (n:Country {id: row.cca2}) SET n.iso3 = row.cca3, n.name = row.name_common, n.nameZh = row.name_zho, n.latitude = row.lat, n.longitude = row.lng`;

export interface HandFileResult {
  readonly file: string;
  readonly rows: number;
  readonly batches: number;
  readonly ms: number;
}

async function loadFile(
  driver: Driver,
  database: string,
  file: string,
  cypher: string,
  sourceId: string | null,
  batchSize: number,
): Promise<HandFileResult> {
  const started = performance.now();
  const session = driver.session({ database });
  let rows = 0;
  let batches = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const params = { rows: batch, sourceId };
    await session.executeWrite((tx) => tx.run(cypher, params));
    batches += 1;
    batch = [];
  };
  try {
    const parser = createReadStream(file).pipe(
      parse({ bom: true, columns: true, cast: (value) => (value === "" ? null : value) }),
    );
    for await (const record of parser as AsyncIterable<Record<string, unknown>>) {
      rows += 1;
      record.row = rows;
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await session.close();
  }
  return { file: path.basename(file), rows, batches, ms: performance.now() - started };
}

/** Countries first, then the generator's files in the engine's order; one result per file. */
export async function handLoad(
  driver: Driver,
  database: string,
  countriesCsv: string,
  dir: string,
  onFile?: (result: HandFileResult) => void,
  batchSize = HAND_BATCH_SIZE,
): Promise<HandFileResult[]> {
  await driver.executeQuery(
    "UNWIND $ids AS id MERGE (:Source {id: id})",
    { ids: [NETWORK, REFERENCE] },
    { database },
  );
  const results: HandFileResult[] = [];
  const countries = await loadFile(driver, database, countriesCsv, COUNTRIES_CYPHER, null, batchSize);
  results.push(countries);
  onFile?.(countries);
  for (const step of HAND_STEPS) {
    const result = await loadFile(driver, database, path.join(dir, step.file), step.cypher, step.sourceId, batchSize);
    results.push(result);
    onFile?.(result);
  }
  return results;
}
