// Flows read every link of a level (aggregates/links.cypher).
CREATE INDEX trade_entity_level IF NOT EXISTS FOR (n:TradeEntity) ON (n.level)
