// One cell of trade entities' stored tallies: the ANY period ($periodFrom null), or the months from
// $periodFrom to $periodTo (`YYYY-MM`), through the (entity, period) index. The cell is the value
// $value in the lists of the filter $dimension (`any`, `mode`, `source`, `species` or `product`:
// `anyKeys` holds the one value `*`; a filter no seizure of the period has, no lists); only those
// lists are read. Periods without the value give no row.
// Parameters: $ids (TradeEntity ids), $dimension, $value, $periodFrom, $periodTo (`YYYY-MM` or
// null).
// Columns: entity, period, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg (null
// when no weight is known), lastSeen (null when no date is, and for hops and totals), evidenceIds,
// evidenceDates ('' for an undated seizure).
// @param ids: string[]
// @param dimension: string
// @param value: string
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
WITH id, tally, coalesce(tally[$dimension + 'Keys'], []) AS keys
WITH id, tally, [i IN range(0, size(keys) - 1) WHERE keys[i] = $value][0] AS i
WHERE i IS NOT NULL
WITH id, tally, i, tally[$dimension + 'EvidenceEnds'] AS ends
WITH id, tally, i, CASE WHEN i = 0 THEN 0 ELSE ends[i - 1] END AS evidenceStart, ends[i] AS evidenceEnd
WITH id, tally, i, evidenceStart, evidenceEnd, tally[$dimension + 'WeighedSeizureCounts'][i] AS weighed,
  tally[$dimension + 'LastSeen'][i] AS lastSeen
RETURN id AS entity, tally.period AS period,
  tally[$dimension + 'SeizureCounts'][i] AS seizureCount,
  tally[$dimension + 'ShipmentCounts'][i] AS shipmentCount,
  weighed AS weighedSeizureCount,
  CASE WHEN weighed = 0 THEN null ELSE tally[$dimension + 'WeightsKg'][i] END AS totalWeightKg,
  CASE WHEN lastSeen = '' THEN null ELSE lastSeen END AS lastSeen,
  tally[$dimension + 'EvidenceIds'][evidenceStart..evidenceEnd] AS evidenceIds,
  tally[$dimension + 'EvidenceDates'][evidenceStart..evidenceEnd] AS evidenceDates
