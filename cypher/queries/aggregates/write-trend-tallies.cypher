// Stores the tallies of recounted trends' months: one TrendTally per month and cell (`<filter>|
// <value>`), each split's keys and figures in lists (`<split>Keys`, `<split>SeizureCounts`, ...;
// see TrendMonthInput in src/db/query-types.ts), and on the month the genus and order each of its
// species was counted under; each only if the month has not changed since its members were read
// (its `version`): one that changed stays marked for the next recount. A month left without
// members is removed with its tallies.
// Parameters: $months (list of {id, version, members (how many seizures), taxonSpecies,
// taxonGenera, taxonOrders, cells: list of {cell, lists (the splits' figures by property name)}}).
// Columns: written (months whose tallies were stored or that were removed), tallies.
// @param months: TrendMonthInput[]
// @column written: integer
// @column tallies: integer
UNWIND $months AS recounted
MATCH (month:TradeEntity {id: recounted.id})
WHERE month.version = recounted.version
CALL (month) {
  MATCH (old:TrendTally {entity: month.id})
  DELETE old
}
CALL (month, recounted) {
  UNWIND recounted.cells AS cell
  CREATE (stored:TrendTally {id: month.id + '|' + cell.cell, entity: month.id, month: month.month, cell: cell.cell})
  SET stored += cell.lists
  RETURN count(stored) AS created
}
SET month.dirty = false, month.taxonSpecies = recounted.taxonSpecies, month.taxonGenera = recounted.taxonGenera,
  month.taxonOrders = recounted.taxonOrders
WITH month, recounted, created
CALL (month, recounted) {
  WITH month WHERE recounted.members = 0
  DETACH DELETE month
}
RETURN count(*) AS written, sum(created) AS tallies
