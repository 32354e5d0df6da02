// Every API key, newest first, without its hash.
// Parameters: none
// Columns: id, name, role, origins, createdAt, revokedAt
// @column id: string
// @column name: string
// @column role: string
// @column origins: string[]
// @column createdAt: datetime
// @column revokedAt: datetime | null
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, k.origins AS origins, k.createdAt AS createdAt, k.revokedAt AS revokedAt
ORDER BY k.createdAt DESC, k.id
