// Trade entities marked for a recount (aggregates/touch-shipments.cypher), at most $limit.
// Parameters: $limit (integer).
// Columns: id.
// @param limit: integer
// @column id: string
MATCH (entity:TradeEntity {dirty: true})
RETURN entity.id AS id
LIMIT $limit
