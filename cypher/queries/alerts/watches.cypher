// An owner's watches, live ones only unless $removed, oldest first; or those of $ids (for an
// alert's watch), removed or not. Another owner's watches are never read.
// Parameters: $owner, $ids (null: all of the owner's), $removed (whether removed ones are listed too)
// Columns: as watch.cypher
// @param owner: string
// @param ids: string[] | null
// @param removed: boolean
// @column id: string
// @column kind: string
// @column targetId: string
// @column fromCountry: string | null
// @column toCountry: string | null
// @column createdAt: datetime
// @column removedAt: datetime | null
MATCH (watch:Watch)
WHERE watch.owner = $owner AND ($ids IS NULL OR watch.id IN $ids) AND ($removed OR watch.removedAt IS NULL)
RETURN watch.id AS id, watch.kind AS kind, watch.targetId AS targetId, watch.fromCountry AS fromCountry,
  watch.toCountry AS toCountry, watch.createdAt AS createdAt, watch.removedAt AS removedAt
ORDER BY watch.createdAt, watch.id
