// Where a chain ends, without locking it (verification reads the records up to there).
// Parameters: $chain
// Columns: seq, hash, anchor. No row: no such chain.
// @param chain: string
// @column seq: integer
// @column hash: string
// @column anchor: string
MATCH (h:AuditHead {id: $chain})
RETURN h.seq AS seq, h.hash AS hash, h.anchor AS anchor
