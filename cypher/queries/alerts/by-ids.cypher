// Alerts of one owner by id: what a subscription delivers for an alert it was told of. Another
// owner's alert gives no row.
// Parameters: $owner, $ids
// Columns: as after.cypher
// @param owner: string
// @param ids: string[]
// @column id: string
// @column watchId: string
// @column kind: string
// @column via: string
// @column factLabel: string
// @column factId: string
// @column createdAt: datetime
// @column seq: integer
UNWIND $ids AS id
MATCH (alert:Alert {id: id})
WHERE alert.owner = $owner
RETURN alert.id AS id, alert.watchId AS watchId, alert.kind AS kind, alert.via AS via, alert.factLabel AS factLabel,
  alert.factId AS factId, alert.createdAt AS createdAt, alert.seq AS seq
ORDER BY alert.seq
