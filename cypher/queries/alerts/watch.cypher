// Starts watching a target: one Watch per owner, kind and target (its id says so), made live
// again when it was removed, so watching twice changes nothing.
// Parameters: $id, $owner, $kind, $targetId, $fromCountry and $toCountry (a route's, else null), $now (ISO date-time text)
// Columns: the watch's id, kind, targetId, fromCountry, toCountry, createdAt, removedAt
// @param id: string
// @param owner: string
// @param kind: string
// @param targetId: string
// @param fromCountry: string | null
// @param toCountry: string | null
// @param now: string
// @column id: string
// @column kind: string
// @column targetId: string
// @column fromCountry: string | null
// @column toCountry: string | null
// @column createdAt: datetime
// @column removedAt: datetime | null
MERGE (watch:Watch {id: $id})
  ON CREATE SET watch.owner = $owner, watch.kind = $kind, watch.targetId = $targetId, watch.fromCountry = $fromCountry,
    watch.toCountry = $toCountry, watch.createdAt = datetime($now)
SET watch.removedAt = null
RETURN watch.id AS id, watch.kind AS kind, watch.targetId AS targetId, watch.fromCountry AS fromCountry,
  watch.toCountry AS toCountry, watch.createdAt AS createdAt, watch.removedAt AS removedAt
