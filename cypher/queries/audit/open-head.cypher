// Makes a shared audit chain's head the first time any replica uses the chain (its anchor names
// seq 1 and the genesis hash); leaves an existing head as it is.
// Parameters: $chain, $anchor (the anchor line), $hash (the anchor's previousHash)
// Columns: none
// @param chain: string
// @param anchor: string
// @param hash: string
MERGE (h:AuditHead {id: $chain})
ON CREATE SET h.seq = 0, h.hash = $hash, h.anchor = $anchor
