// Whether the trade tallies have ever been counted in this database, beside whether there is
// anything to count: a database filled before they existed has seized shipments and no entities.
// Parameters: none.
// Columns: kept (some TradeEntity exists), seized (some seizure intercepted a shipment), dirty
// (some entity awaits a recount).
// @column kept: boolean
// @column seized: boolean
// @column dirty: boolean
RETURN EXISTS { (:TradeEntity) } AS kept,
  EXISTS { (:Shipment)<-[:INTERCEPTED]-(:Seizure) } AS seized,
  EXISTS { (:TradeEntity {dirty: true}) } AS dirty
