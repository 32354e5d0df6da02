// auditLog(disclosed:) starts from the entity; appends MERGE it.
// Parameters: none
// Columns: none
CREATE CONSTRAINT audit_entity_id IF NOT EXISTS FOR (e:AuditEntity) REQUIRE e.id IS UNIQUE
