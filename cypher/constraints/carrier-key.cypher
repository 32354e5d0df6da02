// A Carrier is identified by its `id`.
CREATE CONSTRAINT carrier_id IF NOT EXISTS FOR (n:Carrier) REQUIRE n.id IS UNIQUE
