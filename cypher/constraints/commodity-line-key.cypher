// A CommodityLine is identified by its `id`.
CREATE CONSTRAINT commodity_line_id IF NOT EXISTS FOR (n:CommodityLine) REQUIRE n.id IS UNIQUE
