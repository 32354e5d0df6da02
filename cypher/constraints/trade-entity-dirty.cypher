// Entities awaiting a recount are found by their mark (aggregates/dirty-entities.cypher).
CREATE INDEX trade_entity_dirty IF NOT EXISTS FOR (n:TradeEntity) ON (n.dirty)
