// Stores the tallies of recounted trade entities: one node per entity and period, each cell's
// figures in the lists of its filter (`<filter>Keys`, `<filter>SeizureCounts`, ...; see
// TallyEntityInput in src/db/query-types.ts), each only if it has not changed since its
// members were read (its `version`): one that changed stays marked for the next recount. An
// entity left without members is removed with its tallies.
// Parameters: $entities (list of {id, version, spansMonths, members (how many seizures),
// tallies: list of {period, lists (the cells' figures by property name)}}).
// Columns: written (entities whose tallies were stored or that were removed), tallies.
// @param entities: TallyEntityInput[]
// @column written: integer
// @column tallies: integer
UNWIND $entities AS recounted
MATCH (entity:TradeEntity {id: recounted.id})
WHERE entity.version = recounted.version
CALL (entity) {
  // Every tally has a period: said so, the (entity, period) index finds them.
  MATCH (old:TradeTally {entity: entity.id})
  WHERE old.period IS NOT NULL
  DELETE old
}
CALL (entity, recounted) {
  UNWIND recounted.tallies AS tally
  CREATE (stored:TradeTally {id: entity.id + '|' + tally.period, entity: entity.id, period: tally.period})
  SET stored += tally.lists
  RETURN count(stored) AS created
}
SET entity.dirty = false, entity.spansMonths = recounted.spansMonths
WITH entity, recounted, created
CALL (entity, recounted) {
  WITH entity WHERE recounted.members = 0
  DETACH DELETE entity
}
RETURN count(*) AS written, sum(created) AS tallies
