// The trends' months from $monthFrom to $monthTo (`YYYY-MM`, null for an open end) with one cell's
// figures split one way: the cell `<filter>|<value>` ($cell, e.g. `any|*`, `source|routes-…`)
// and the split $split (`none`, `species`, `genus`, `order`, `product`, `country`) of each
// month's TrendTally (src/domain/trend-tallies.ts). A month marked for a recount, or, with
// $checkTaxa, one whose species' genus or order changed since it was counted, says so (`recount`)
// and gives no figures: the request counts it from its members. A month without the cell gives
// empty lists.
// Parameters: $monthFrom, $monthTo (`YYYY-MM` or null), $cell, $split, $checkTaxa (boolean).
// Columns: id (the MONTH entity), month, recount, keys ('' for the null key), seizureCounts,
// weighedSeizureCounts, weightsKg (0 where no weight is known), sourceEnds (where each key's source
// ids end in sourceIds; it starts where the previous one's end), sourceIds.
// @param monthFrom: string | null
// @param monthTo: string | null
// @param cell: string
// @param split: string
// @param checkTaxa: boolean
// @column id: string
// @column month: string
// @column recount: boolean
// @column keys: string[]
// @column seizureCounts: integer[]
// @column weighedSeizureCounts: integer[]
// @column weightsKg: float[]
// @column sourceEnds: integer[]
// @column sourceIds: string[]
MATCH (month:TradeEntity {level: 'TREND', kind: 'MONTH'})
WHERE ($monthFrom IS NULL OR month.month >= $monthFrom) AND ($monthTo IS NULL OR month.month <= $monthTo)
WITH month, month.dirty OR ($checkTaxa AND NOT all(i IN range(0, size(coalesce(month.taxonSpecies, [])) - 1) WHERE EXISTS {
  MATCH (known:Species {id: month.taxonSpecies[i]})
  WHERE coalesce(known.genus, '') = month.taxonGenera[i] AND coalesce(known.order, '') = month.taxonOrders[i]
})) AS recount
OPTIONAL MATCH (tally:TrendTally {id: month.id + '|' + $cell})
WHERE NOT recount
RETURN month.id AS id, month.month AS month, recount,
  coalesce(tally[$split + 'Keys'], []) AS keys,
  coalesce(tally[$split + 'SeizureCounts'], []) AS seizureCounts,
  coalesce(tally[$split + 'WeighedSeizureCounts'], []) AS weighedSeizureCounts,
  coalesce(tally[$split + 'WeightsKg'], []) AS weightsKg,
  coalesce(tally[$split + 'SourceEnds'], []) AS sourceEnds,
  coalesce(tally[$split + 'SourceIds'], []) AS sourceIds
ORDER BY month
