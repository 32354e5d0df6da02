// Trade records (TradeRecord, e.g. the CITES Trade Database) are merged by id; the constraint keeps
// ids unique and gives the index that the import's MERGE and every lookup by id use.
CREATE CONSTRAINT trade_record_id IF NOT EXISTS FOR (n:TradeRecord) REQUIRE n.id IS UNIQUE
