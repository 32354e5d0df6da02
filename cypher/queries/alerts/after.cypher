// An owner's alerts after a cursor, oldest first: the read-back after a reconnect, and the
// replay a subscription starts with.
// Parameters: $owner, $after (the seq of the last alert seen; 0 for all), $first (integer)
// Columns: id, watchId, kind, via, factLabel, factId, createdAt, seq
// @param owner: string
// @param after: integer
// @param first: integer
// @column id: string
// @column watchId: string
// @column kind: string
// @column via: string
// @column factLabel: string
// @column factId: string
// @column createdAt: datetime
// @column seq: integer
MATCH (alert:Alert)
WHERE alert.owner = $owner AND alert.seq > $after
RETURN alert.id AS id, alert.watchId AS watchId, alert.kind AS kind, alert.via AS via, alert.factLabel AS factLabel,
  alert.factId AS factId, alert.createdAt AS createdAt, alert.seq AS seq
ORDER BY alert.seq
LIMIT $first
