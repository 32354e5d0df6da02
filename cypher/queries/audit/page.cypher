// A page of a chain's records older than $beforeSeq, newest first, and how many the chain holds.
// Parameters: $chain, $beforeSeq, $limit
// Columns: total, lines (JSON lines, newest first)
// @param chain: string
// @param beforeSeq: integer
// @param limit: integer
// @column total: integer
// @column lines: string[]
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.seq > 0
  RETURN count(r) AS total
}
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.seq < $beforeSeq
  WITH r ORDER BY r.seq DESC LIMIT $limit
  RETURN collect(r.line) AS lines
}
RETURN total, lines
