// A Ring (output of the ring analysis, see model.md) is identified by its `id`.
CREATE CONSTRAINT ring_id IF NOT EXISTS FOR (n:Ring) REQUIRE n.id IS UNIQUE
