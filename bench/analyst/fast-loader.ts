import { createReadStream } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse";

import type { CypherExecutor } from "../../src/db/cypher-executor.js";
import { dateParameter } from "../../src/db/values.js";

/**
 * A typed bulk loader of the four files `routes` and `flows` read beyond the reference data
 * (shipments, their stops, seizures, commodity lines), for the 1M network on a machine too busy to
 * run the import engine over 5 million rows in time. It writes the same nodes, properties (typed as
 * the engine types them) and relationships the engine's mappings write for these files, without
 * the engine's checks, reject and flag reports and `SOURCED_FROM` provenance, in batches of
 * `UNWIND ... MERGE/CREATE`. `run.ts --check-fast-loader` compares the routes and flows answers of a
 * network loaded this way with those of the engine's load of the same files, at 10,000 shipments.
 */

const BATCH = 10_000;

interface FileLoad {
  file: string;
  statement: string;
  row(record: Record<string, string>): Record<string, unknown>;
}

const text = (value: string | undefined) => (value === undefined || value === "" ? null : value);
const number = (value: string | undefined) => (value === undefined || value === "" ? null : Number(value));

const LOADS: FileLoad[] = [
  {
    file: "shipments.csv",
    statement: `UNWIND $rows AS row
MERGE (shipment:Shipment {id: row.id})
SET shipment:Synthetic, shipment.mode = row.mode, shipment.declaredContents = row.declaredContents,
  shipment.containerNumber = row.containerNumber, shipment.billOfLading = row.billOfLading,
  shipment.airWaybill = row.airWaybill, shipment.departedOn = row.departedOn, shipment.synthetic = true
WITH shipment, row
MATCH (carrier:Carrier {id: row.carrierId})
MERGE (shipment)-[:CARRIED_BY]->(carrier)`,
    row: (r) => ({
      id: r.id,
      mode: r.mode,
      declaredContents: text(r.declaredContents),
      containerNumber: text(r.containerNumber),
      billOfLading: text(r.billOfLading),
      airWaybill: text(r.airWaybill),
      departedOn: dateParameter(text(r.departedOn)),
      carrierId: text(r.carrierId),
    }),
  },
  {
    file: "route-stops.csv",
    statement: `UNWIND $rows AS row
MATCH (shipment:Shipment {id: row.shipmentId})
CALL (row, shipment) {
  MATCH (place:Place {id: row.placeId})
  CREATE (shipment)-[:STOPS_AT {seq: row.seq, role: row.role, placeText: row.placeText}]->(place)
  UNION
  MATCH (country:Country {id: row.countryId})
  CREATE (shipment)-[:STOPS_AT {seq: row.seq, role: row.role, placeText: row.placeText, countryText: row.placeText}]->(country)
}`,
    row: (r) => ({ shipmentId: r.shipmentId, seq: Number(r.seq), role: r.role, placeId: text(r.placeId), countryId: text(r.countryId), placeText: text(r.placeText) }),
  },
  {
    file: "seizures.csv",
    statement: `UNWIND $rows AS row
MERGE (seizure:Seizure {id: row.id})
SET seizure:Synthetic, seizure.date = row.date, seizure.dateText = row.dateText, seizure.agency = row.agency,
  seizure.locationText = row.locationText, seizure.description = row.description, seizure.concealment = row.concealment,
  seizure.detectionMethod = row.detectionMethod, seizure.arrestCount = row.arrestCount, seizure.outcome = row.outcome,
  seizure.synthetic = true
WITH seizure, row
MATCH (shipment:Shipment {id: row.shipmentId})
CREATE (seizure)-[:INTERCEPTED]->(shipment)
WITH seizure, row
CALL (seizure, row) {
  MATCH (country:Country {id: row.countryId})
  CREATE (seizure)-[:SEIZED_IN]->(country)
}
CALL (seizure, row) {
  MATCH (place:Place {id: row.placeId})
  CREATE (seizure)-[:SEIZED_AT {placeText: row.locationText}]->(place)
}`,
    row: (r) => ({
      id: r.id,
      shipmentId: r.shipmentId,
      date: dateParameter(text(r.date)),
      dateText: text(r.dateText),
      agency: text(r.agency),
      locationText: text(r.locationText),
      description: text(r.description),
      concealment: text(r.concealment),
      detectionMethod: text(r.detectionMethod),
      arrestCount: number(r.arrestCount),
      outcome: text(r.outcome),
      countryId: text(r.countryId),
      placeId: text(r.placeId),
    }),
  },
  {
    file: "commodity-lines.csv",
    statement: `UNWIND $rows AS row
MERGE (line:CommodityLine {id: row.id})
SET line:Synthetic, line.product = row.product, line.quantity = row.quantity, line.unit = row.unit,
  line.quantityText = row.quantityText, line.weightKg = row.weightKg, line.synthetic = true
WITH line, row
MATCH (shipment:Shipment {id: row.shipmentId})
CREATE (shipment)-[:CARRIED]->(line)
WITH line, row
CALL (line, row) {
  MATCH (seizure:Seizure {id: row.seizureId})
  CREATE (seizure)-[:RECOVERED]->(line)
}
CALL (line, row) {
  MATCH (species:Species {id: row.speciesId})
  CREATE (line)-[:OF_SPECIES]->(species)
}`,
    row: (r) => ({
      id: r.id,
      shipmentId: r.shipmentId,
      seizureId: text(r.seizureId),
      speciesId: text(r.speciesId),
      product: r.product,
      quantity: number(r.quantity),
      unit: r.unit,
      quantityText: text(r.quantityText),
      weightKg: number(r.weightKg),
    }),
  },
];

export const FAST_LOADED_FILES = LOADS.map((load) => load.file);

/** Loads the four files of a generated folder; returns the rows read per file. */
export async function fastLoad(executor: CypherExecutor, filesDir: string, log: (line: string) => void): Promise<{ file: string; rows: number; seconds: number }[]> {
  const done: { file: string; rows: number; seconds: number }[] = [];
  for (const load of LOADS) {
    const started = performance.now();
    let rows = 0;
    let batch: Record<string, unknown>[] = [];
    let lastLog = performance.now();
    const flush = async () => {
      if (batch.length === 0) return;
      await executor.write(load.statement, { rows: batch });
      rows += batch.length;
      batch = [];
      if (performance.now() - lastLog > 60_000) {
        lastLog = performance.now();
        log(`  ${load.file}: ${rows} rows so far (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    };
    for await (const record of createReadStream(path.join(filesDir, load.file)).pipe(parse({ columns: true, bom: true }))) {
      batch.push(load.row(record as Record<string, string>));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const seconds = (performance.now() - started) / 1000;
    done.push({ file: load.file, rows, seconds });
    log(`  ${load.file}: ${rows} rows in ${seconds.toFixed(1)} s`);
  }
  return done;
}
