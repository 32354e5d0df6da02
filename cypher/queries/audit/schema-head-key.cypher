// The shared audit trail's schema, made by the store before its first write (the API answers before
// start-up work is done). One head per chain: MERGE of a new chain's head is safe only under it.
// Parameters: none
// Columns: none
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE
