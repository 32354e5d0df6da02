// A page of the records that disclosed one person or company (of one subject too, when given),
// older than $beforeSeq, newest first, and how many there are.
// Parameters: $chain, $entity (`Person:<id>` or `Company:<id>`), $subject (or null), $beforeSeq, $limit
// Columns: total, lines (JSON lines, newest first)
// @param chain: string
// @param entity: string
// @param subject: string | null
// @param beforeSeq: integer
// @param limit: integer
// @column total: integer
// @column lines: string[]
CALL () {
  OPTIONAL MATCH (:AuditEntity {id: $entity})<-[:DISCLOSED]-(r:AuditRecord)
  WHERE r.chain = $chain AND ($subject IS NULL OR r.subject = $subject)
  RETURN count(r) AS total
}
CALL () {
  OPTIONAL MATCH (:AuditEntity {id: $entity})<-[:DISCLOSED]-(r:AuditRecord)
  WHERE r.chain = $chain AND ($subject IS NULL OR r.subject = $subject) AND r.seq < $beforeSeq
  WITH r ORDER BY r.seq DESC LIMIT $limit
  RETURN collect(r.line) AS lines
}
RETURN total, lines
