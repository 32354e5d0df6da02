// A recount replaces all of a month's tallies (aggregates/write-trend-tallies.cypher).
CREATE INDEX trend_tally_entity IF NOT EXISTS FOR (n:TrendTally) ON (n.entity)
