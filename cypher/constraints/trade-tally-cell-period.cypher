// A query reads one cell of its entities over a range of periods (aggregates/tallies.cypher).
CREATE INDEX trade_tally_cell_period IF NOT EXISTS FOR (n:TradeTally) ON (n.cell, n.period)
