// A TrendTally (one cell of a trends month's figures) is identified by its `id`: a request reads
// each month's cell by it (aggregates/trend-months.cypher).
CREATE CONSTRAINT trend_tally_id IF NOT EXISTS FOR (n:TrendTally) REQUIRE n.id IS UNIQUE
