// Stores records sealed after the locked head (lock-head.cypher, same transaction) and moves the
// head to the last one. Record i of the lists has seq $firstSeq + i; each links to the persons and
// companies it disclosed.
// Parameters: $chain, $firstSeq, $hash (the last record's), and per record: $lines (its JSON
// line), $ats (ISO date-time text), $subjects, $disclosed (a list of `Person:<id>` / `Company:<id>`)
// Columns: none
// @param chain: string
// @param firstSeq: integer
// @param hash: string
// @param lines: string[]
// @param ats: string[]
// @param subjects: string[]
// @param disclosed: string[][]
MATCH (h:AuditHead {id: $chain})
SET h.seq = $firstSeq + size($lines) - 1, h.hash = $hash
WITH h
UNWIND range(0, size($lines) - 1) AS i
CREATE (r:AuditRecord {
  id: $chain + "|" + toString($firstSeq + i), chain: $chain, seq: $firstSeq + i,
  at: datetime($ats[i]), subject: $subjects[i], line: $lines[i]
})
WITH r, i
UNWIND $disclosed[i] AS entity
MERGE (e:AuditEntity {id: entity})
CREATE (r)-[:DISCLOSED]->(e)
