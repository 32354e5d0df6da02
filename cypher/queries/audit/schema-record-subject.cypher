// auditLog(subject:) reads one subject's records newest first.
// Parameters: none
// Columns: none
CREATE INDEX audit_record_chain_subject_seq IF NOT EXISTS FOR (r:AuditRecord) ON (r.chain, r.subject, r.seq)
