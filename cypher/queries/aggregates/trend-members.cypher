// The member seizures of trends' months (aggregates/touch-shipments.cypher): each dated seizure
// with what trends filter and split by (src/domain/trend-tallies.ts). With $dateFrom/$dateTo only
// the seizures of those dates (for a request answered from the members); null for all (for a
// recount). Each month's version comes with it, so a recount writes only what it read.
// Parameters: $ids (TradeEntity ids of MONTH entities), $dateFrom, $dateTo (Date or null).
// Columns: entity, version, seizure (null for a month without members, one row), date,
// countries (Country ids it was seized in), modes (of the shipments it intercepted), sources
// (Source ids), lines (its commodity lines: id, product, weightKg, species: id, genus, order).
// @param ids: string[]
// @param dateFrom: date | null
// @param dateTo: date | null
// @column entity: string
// @column version: integer
// @column seizure: string | null
// @column date: date | null
// @column countries: string[]
// @column modes: string[]
// @column sources: string[]
// @column lines: TrendLineMap[]
UNWIND $ids AS id
MATCH (month:TradeEntity {id: id})
OPTIONAL CALL (month) {
  MATCH (month)<-[:COUNTED_IN]-(seizure:Seizure)
  WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  RETURN seizure,
    [(seizure)-[:SEIZED_IN]->(country:Country) | country.id] AS countries,
    COLLECT { MATCH (seizure)-[:INTERCEPTED]->(shipment:Shipment) WHERE shipment.mode IS NOT NULL RETURN DISTINCT shipment.mode } AS modes,
    [(seizure)-[:SOURCED_FROM]->(source:Source) | source.id] AS sources,
    [(seizure)-[:RECOVERED]->(line:CommodityLine) | {
      id: line.id,
      product: line.product,
      weightKg: line.weightKg,
      species: [(line)-[:OF_SPECIES]->(species:Species) | {id: species.id, genus: species.genus, order: species.order}]
    }] AS lines
}
RETURN month.id AS entity, month.version AS version, seizure.id AS seizure, seizure.date AS date,
  coalesce(countries, []) AS countries, coalesce(modes, []) AS modes, coalesce(sources, []) AS sources,
  coalesce(lines, []) AS lines
