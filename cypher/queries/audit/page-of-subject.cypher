// A page of one subject's records older than $beforeSeq, newest first, and how many it has.
// Parameters: $chain, $subject, $beforeSeq, $limit
// Columns: total, lines (JSON lines, newest first)
// @param chain: string
// @param subject: string
// @param beforeSeq: integer
// @param limit: integer
// @column total: integer
// @column lines: string[]
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.subject = $subject AND r.seq > 0
  RETURN count(r) AS total
}
CALL () {
  MATCH (r:AuditRecord)
  WHERE r.chain = $chain AND r.subject = $subject AND r.seq < $beforeSeq
  WITH r ORDER BY r.seq DESC LIMIT $limit
  RETURN collect(r.line) AS lines
}
RETURN total, lines
