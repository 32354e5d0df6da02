// A chain's record lines from $fromSeq in seq order, at most $limit (verification and retention
// read the chain in such pages).
// Parameters: $chain, $fromSeq, $toSeq (inclusive), $limit
// Columns: line
// @param chain: string
// @param fromSeq: integer
// @param toSeq: integer
// @param limit: integer
// @column line: string
MATCH (r:AuditRecord)
WHERE r.chain = $chain AND r.seq >= $fromSeq AND r.seq <= $toSeq
RETURN r.line AS line
ORDER BY r.seq
LIMIT $limit
