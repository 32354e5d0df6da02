// A TradeEntity (a route, hop or level total the trade tallies count, see model.md) is identified by its `id`.
CREATE CONSTRAINT trade_entity_id IF NOT EXISTS FOR (n:TradeEntity) REQUIRE n.id IS UNIQUE
