// Removes up to $limit trade entities and tallies, for a rebuild from scratch; run until it
// removes none.
// Parameters: $limit (integer).
// Columns: removed.
// @param limit: integer
// @column removed: integer
MATCH (aggregate)
WHERE aggregate:TradeTally OR aggregate:TradeEntity
WITH aggregate
LIMIT $limit
DETACH DELETE aggregate
RETURN count(*) AS removed
