// One record per place in a chain (`<chain>|<seq>`): two writers can never both store seq N.
// Parameters: none
// Columns: none
CREATE CONSTRAINT audit_record_id IF NOT EXISTS FOR (r:AuditRecord) REQUIRE r.id IS UNIQUE
