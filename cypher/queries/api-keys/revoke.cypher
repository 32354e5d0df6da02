// Revokes an API key: it stays on record, with the time it stopped working.
// Parameters: $id, $revokedAt (ISO date-time text)
// Columns: id (no row when no key has that id)
// @param id: string
// @param revokedAt: string
// @column id: string
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime($revokedAt))
RETURN k.id AS id
