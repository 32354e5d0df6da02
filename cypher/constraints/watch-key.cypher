// Watches of investigators: one node per owner and target, found by its id.
CREATE CONSTRAINT watch_key IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE
