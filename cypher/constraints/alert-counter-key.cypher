// The one counter that numbers alerts; concurrent first batches MERGE the same node.
CREATE CONSTRAINT alert_counter_key IF NOT EXISTS FOR (c:AlertCounter) REQUIRE c.id IS UNIQUE
