// The stored tallies of one cell of trade entities: the ANY period ($periodFrom null), or the
// months from $periodFrom to $periodTo (`YYYY-MM`), through the (cell, period) index.
// Parameters: $ids (TradeEntity ids), $cell (`mode|source|species|product`, `*` for any),
// $periodFrom, $periodTo (`YYYY-MM` or null).
// Columns: entity, period, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg,
// lastSeen, evidenceIds, evidenceDates ('' for an undated seizure).
// @param ids: string[]
// @param cell: string
// @param periodFrom: string | null
// @param periodTo: string | null
// @column entity: string
// @column period: string
// @column seizureCount: integer
// @column shipmentCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column lastSeen: string | null
// @column evidenceIds: string[]
// @column evidenceDates: string[]
UNWIND $ids AS id
MATCH (tally:TradeTally)
WHERE tally.cell = id + '|' + $cell
  // The ANY period '*' sorts before every month, so one range serves both.
  AND coalesce($periodFrom, '*') <= tally.period <= coalesce($periodTo, '*')
RETURN id AS entity, tally.period AS period, tally.seizureCount AS seizureCount, tally.shipmentCount AS shipmentCount,
  tally.weighedSeizureCount AS weighedSeizureCount, tally.totalWeightKg AS totalWeightKg, tally.lastSeen AS lastSeen,
  tally.evidenceIds AS evidenceIds, tally.evidenceDates AS evidenceDates
