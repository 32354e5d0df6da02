// Flows and transit hubs read every hop or hub of a level (aggregates/links.cypher, hubs.cypher).
CREATE INDEX trade_entity_level_kind IF NOT EXISTS FOR (n:TradeEntity) ON (n.level, n.kind)
