// Whether the trade tallies have ever been counted in this database, beside whether there is
// anything to count: a database filled before they existed has seized shipments and no entities,
// and one filled before the trends' months existed has dated seizures and no MONTH entity.
// Parameters: none.
// Columns: kept (some TradeEntity exists, and a MONTH entity where some seizure has a date),
// seized (some seizure intercepted a shipment or has a date), dirty (some entity awaits a recount).
// @column kept: boolean
// @column seized: boolean
// @column dirty: boolean
WITH EXISTS { MATCH (seizure:Seizure) WHERE seizure.date IS NOT NULL } AS dated
RETURN EXISTS { (:TradeEntity) } AND (NOT dated OR EXISTS { (:TradeEntity {level: 'TREND', kind: 'MONTH'}) }) AS kept,
  dated OR EXISTS { (:Shipment)<-[:INTERCEPTED]-(:Seizure) } AS seized,
  EXISTS { (:TradeEntity {dirty: true}) } AS dirty
