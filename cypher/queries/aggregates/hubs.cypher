// The transit hubs of a level (stops records name as transits, see
// aggregates/touch-shipments.cypher) and the level's shipments with a transit (their shares).
// Parameters: $level ('COUNTRY' or 'PLACE').
// Columns: id, kind ('HUB' or 'TRANSITS'), hub (a Country or Place id; null for TRANSITS), dirty,
// spansMonths.
// @param level: string
// @column id: string
// @column kind: string
// @column hub: string | null
// @column dirty: boolean
// @column spansMonths: boolean
MATCH (entity:TradeEntity {level: $level})
WHERE entity.kind IN ['HUB', 'TRANSITS']
RETURN entity.id AS id, entity.kind AS kind, entity.hub AS hub, entity.dirty AS dirty, entity.spansMonths AS spansMonths
