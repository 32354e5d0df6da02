// Alerts: one per watch and seizure or shipment, so a batch written again makes none.
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE
