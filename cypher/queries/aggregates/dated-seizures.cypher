// Seizures with a date, or that a trends month still counts, by id after $after, at most $limit:
// what a rebuild of the trends' months walks through (an undated seizure leaves its month).
// Parameters: $after (a seizure id, '' for the first), $limit (integer).
// Columns: id.
// @param after: string
// @param limit: integer
// @column id: string
MATCH (seizure:Seizure)
WHERE seizure.id > $after
  AND (seizure.date IS NOT NULL OR EXISTS { (seizure)-[:COUNTED_IN]->(:TradeEntity) })
RETURN seizure.id AS id
ORDER BY id
LIMIT $limit
