// A query reads an entity's tallies over a range of periods (aggregates/tallies.cypher); a
// recount replaces all of an entity's (aggregates/write-tallies.cypher).
CREATE INDEX trade_tally_entity_period IF NOT EXISTS FOR (n:TradeTally) ON (n.entity, n.period)
