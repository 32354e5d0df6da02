// Whether the database holds no entity yet, so that the demo data may be loaded.
// Parameters: none.
// Columns: empty (boolean).
// @column empty: boolean
RETURN NOT EXISTS { MATCH (n) WHERE n:Seizure OR n:Shipment OR n:Country } AS empty
