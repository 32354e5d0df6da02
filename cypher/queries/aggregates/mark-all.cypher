// Marks up to $limit trade entities not yet marked for a recount, for a rebuild: run until it marks
// none. An entity whose members all left (its shipments were removed some other way than the
// import, or the members' rules changed) is then recounted with no members, and removed.
// Parameters: $limit (integer).
// Columns: marked.
// @param limit: integer
// @column marked: integer
MATCH (entity:TradeEntity {dirty: false})
WITH entity
LIMIT $limit
SET entity.dirty = true, entity.version = entity.version + 1
RETURN count(entity) AS marked
