// A TradeTally (one cell and period of an entity's figures) is identified by its `id`.
CREATE CONSTRAINT trade_tally_id IF NOT EXISTS FOR (n:TradeTally) REQUIRE n.id IS UNIQUE
