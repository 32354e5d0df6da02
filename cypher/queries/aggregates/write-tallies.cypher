// Stores the tallies of recounted trade entities, each only if it has not changed since its
// members were read (its `version`): one that changed stays marked for the next recount. An
// entity left without members is removed with its tallies.
// Parameters: $entities (list of {id, version, spansMonths, members (how many seizures),
// tallies: list of {cell, period, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg,
// lastSeen, evidenceIds, evidenceDates}}).
// Columns: written (entities whose tallies were stored or that were removed), tallies.
// @param entities: TallyEntityInput[]
// @column written: integer
// @column tallies: integer
UNWIND $entities AS recounted
MATCH (entity:TradeEntity {id: recounted.id})
WHERE entity.version = recounted.version
CALL (entity) {
  MATCH (old:TradeTally {entity: entity.id})
  DELETE old
}
CALL (entity, recounted) {
  UNWIND recounted.tallies AS tally
  CREATE (stored:TradeTally {
    id: entity.id + '|' + tally.cell + '|' + tally.period,
    entity: entity.id,
    cell: entity.id + '|' + tally.cell,
    period: tally.period,
    seizureCount: tally.seizureCount,
    shipmentCount: tally.shipmentCount,
    weighedSeizureCount: tally.weighedSeizureCount,
    totalWeightKg: tally.totalWeightKg,
    lastSeen: tally.lastSeen,
    evidenceIds: tally.evidenceIds,
    evidenceDates: tally.evidenceDates
  })
  RETURN count(stored) AS created
}
SET entity.dirty = false, entity.spansMonths = recounted.spansMonths
WITH entity, recounted, created
CALL (entity, recounted) {
  WITH entity WHERE recounted.members = 0
  DETACH DELETE entity
}
RETURN count(*) AS written, sum(created) AS tallies
