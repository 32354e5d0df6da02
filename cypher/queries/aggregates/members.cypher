// The member seizures of trade entities: each seizure that intercepted a shipment an entity
// counts, with what the tallies split by (src/domain/trade-tallies.ts). With $dateFrom/$dateTo
// only the seizures of those dates (for a query answered from the members); null for all (for a
// recount). Each entity's version comes with it, so a recount writes only what it read.
// Parameters: $ids (TradeEntity ids), $dateFrom, $dateTo (Date or null).
// Columns: entity, version, seizure, date (null when unknown), sources (Source ids), shipments
// (the entity's shipments it intercepted: id, mode, seizureCount = all seizures of the shipment,
// origins and destinations = the countries of its origin and destination stops),
// lines (its commodity lines: id, product, species ids, weightKg). Entities without members give
// one row with a null seizure.
// @param ids: string[]
// @param dateFrom: date | null
// @param dateTo: date | null
// @column entity: string
// @column version: integer
// @column seizure: string | null
// @column date: date | null
// @column sources: string[]
// @column shipments: MemberShipmentMap[]
// @column lines: MemberLineMap[]
UNWIND $ids AS id
MATCH (entity:TradeEntity {id: id})
OPTIONAL CALL (entity) {
  MATCH (entity)<-[:COUNTED_IN]-(shipment:Shipment)<-[:INTERCEPTED]-(seizure:Seizure)
  WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  WITH seizure, collect({
    id: shipment.id,
    mode: shipment.mode,
    seizureCount: COUNT { (shipment)<-[:INTERCEPTED]-(:Seizure) },
    origins: COLLECT {
      MATCH (shipment)-[:STOPS_AT {role: 'ORIGIN'}]->(stop)
      OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(country:Country)
      WITH CASE WHEN stop:Country THEN stop.id ELSE country.id END AS id WHERE id IS NOT NULL
      RETURN id
    },
    destinations: COLLECT {
      MATCH (shipment)-[:STOPS_AT {role: 'DESTINATION'}]->(stop)
      OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(country:Country)
      WITH CASE WHEN stop:Country THEN stop.id ELSE country.id END AS id WHERE id IS NOT NULL
      RETURN id
    }
  }) AS shipments
  RETURN seizure, shipments,
    [(seizure)-[:SOURCED_FROM]->(source:Source) | source.id] AS sources,
    [(seizure)-[:RECOVERED]->(line:CommodityLine) | {
      id: line.id,
      product: line.product,
      species: [(line)-[:OF_SPECIES]->(species:Species) | species.id],
      weightKg: line.weightKg
    }] AS lines
}
RETURN entity.id AS entity, entity.version AS version, seizure.id AS seizure, seizure.date AS date,
  coalesce(sources, []) AS sources, coalesce(shipments, []) AS shipments, coalesce(lines, []) AS lines
