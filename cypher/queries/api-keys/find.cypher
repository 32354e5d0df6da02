// One API key by its public id, to check a key a request presents.
// Parameters: $id
// Columns: id, hash, role, origins, revoked (boolean)
// @param id: string
// @column id: string
// @column hash: string
// @column role: string
// @column origins: string[]
// @column revoked: boolean
MATCH (k:ApiKey {id: $id})
RETURN k.id AS id, k.hash AS hash, k.role AS role, k.origins AS origins, k.revokedAt IS NOT NULL AS revoked
