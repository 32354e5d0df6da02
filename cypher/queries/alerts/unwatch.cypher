// Stops a watch of its owner: it stays on record, with the time it stopped, so its alerts keep
// their watch. Removing it twice keeps the first time.
// Parameters: $id, $owner, $now (ISO date-time text)
// Columns: as watch.cypher; no row when the owner has no watch of that id
// @param id: string
// @param owner: string
// @param now: string
// @column id: string
// @column kind: string
// @column targetId: string
// @column fromCountry: string | null
// @column toCountry: string | null
// @column createdAt: datetime
// @column removedAt: datetime | null
MATCH (watch:Watch {id: $id})
WHERE watch.owner = $owner
SET watch.removedAt = coalesce(watch.removedAt, datetime($now))
RETURN watch.id AS id, watch.kind AS kind, watch.targetId AS targetId, watch.fromCountry AS fromCountry,
  watch.toCountry AS toCountry, watch.createdAt AS createdAt, watch.removedAt AS removedAt
