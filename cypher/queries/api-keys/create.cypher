// Stores a new API key. Only the SHA-256 of the whole key is kept, never the key.
// Parameters: $id (public id), $hash (hex), $role, $origins (list of origins), $name, $createdAt (ISO date-time text)
// Columns: id
// @param id: string
// @param hash: string
// @param role: string
// @param origins: string[]
// @param name: string
// @param createdAt: string
// @column id: string
CREATE (k:ApiKey {id: $id, hash: $hash, role: $role, origins: $origins, name: $name, createdAt: datetime($createdAt)})
RETURN k.id AS id
