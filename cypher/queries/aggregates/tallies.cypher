// One cell of trade entities' stored tallies: the ANY period ($periodFrom null), or the months from
// $periodFrom to $periodTo (`YYYY-MM`), through the (entity, period) index; the cell is found in
// each period's list of cells (the ANY cell is always first). Periods without the cell give no row.
// Parameters: $ids (TradeEntity ids), $cell (`mode|source|species|product`, `*` for any),
// $periodFrom, $periodTo (`YYYY-MM` or null).
// Columns: entity, period, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg (null
// when no weight is known), lastSeen (null when no date is), evidenceIds, evidenceDates ('' for an
// undated seizure).
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
MATCH (tally:TradeTally {entity: id})
// The ANY period '*' sorts before every month, so one range serves both.
WHERE coalesce($periodFrom, '*') <= tally.period <= coalesce($periodTo, '*')
WITH id, tally, CASE WHEN tally.cells[0] = $cell THEN 0 ELSE [i IN range(1, size(tally.cells) - 1) WHERE tally.cells[i] = $cell][0] END AS i
WHERE i IS NOT NULL
WITH id, tally, i, CASE WHEN i = 0 THEN 0 ELSE tally.evidenceEnds[i - 1] END AS evidenceStart
RETURN id AS entity, tally.period AS period, tally.seizureCounts[i] AS seizureCount, tally.shipmentCounts[i] AS shipmentCount,
  tally.weighedSeizureCounts[i] AS weighedSeizureCount,
  CASE WHEN tally.weighedSeizureCounts[i] = 0 THEN null ELSE tally.weightsKg[i] END AS totalWeightKg,
  CASE WHEN tally.lastSeen[i] = '' THEN null ELSE tally.lastSeen[i] END AS lastSeen,
  tally.evidenceIds[evidenceStart..tally.evidenceEnds[i]] AS evidenceIds,
  tally.evidenceDates[evidenceStart..tally.evidenceEnds[i]] AS evidenceDates
