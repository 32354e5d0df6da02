// Locks a chain's head until the transaction ends, then reads where the chain ends. Setting the
// head's own label again takes the node's write lock and reads nothing (a `SET h.seq = h.seq` would
// read the seq before waiting for the lock, and write that stale value back after): the appends
// (and retention passes) of every replica queue here, one after another, and each reads the head
// as the one before left it.
// Parameters: $chain
// Columns: seq, hash (the last record's), anchor (the anchor line). No row: no such chain.
// @param chain: string
// @column seq: integer
// @column hash: string
// @column anchor: string
MATCH (h:AuditHead {id: $chain})
SET h:AuditHead
WITH h
RETURN h.seq AS seq, h.hash AS hash, h.anchor AS anchor
