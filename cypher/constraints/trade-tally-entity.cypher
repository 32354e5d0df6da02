// A recount replaces all tallies of an entity (aggregates/write-tallies.cypher).
CREATE INDEX trade_tally_entity IF NOT EXISTS FOR (n:TradeTally) ON (n.entity)
