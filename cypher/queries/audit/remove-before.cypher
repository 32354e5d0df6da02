// Retention: removes a chain's records before $keepFrom, with the entities no record links to any
// more, and writes the anchor that names the first kept record (run after lock-head.cypher, in the
// same transaction).
// Parameters: $chain, $keepFrom (seq), $anchor (the new anchor line)
// Columns: none
// @param chain: string
// @param keepFrom: integer
// @param anchor: string
MATCH (h:AuditHead {id: $chain})
SET h.anchor = $anchor
WITH h
OPTIONAL MATCH (r:AuditRecord)
WHERE r.chain = $chain AND r.seq < $keepFrom
OPTIONAL MATCH (r)-[:DISCLOSED]->(e:AuditEntity)
WITH collect(DISTINCT r) AS records, collect(DISTINCT e) AS entities
FOREACH (r IN records | DETACH DELETE r)
WITH entities
UNWIND entities AS e
WITH e
WHERE NOT EXISTS { (e)<-[:DISCLOSED]-() }
DELETE e
