// Pages of a chain newest first, verification and retention read records in seq order.
// Parameters: none
// Columns: none
CREATE INDEX audit_record_chain_seq IF NOT EXISTS FOR (r:AuditRecord) ON (r.chain, r.seq)
