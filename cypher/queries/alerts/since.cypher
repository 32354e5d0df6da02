// Alerts numbered after $after, in order, for every owner: what a process polls for, so that its
// subscriptions get alerts that no Redis message brought (no REDIS_URL, an import that did not
// publish, Redis away). Numbers follow commit order, so none is passed over.
// Parameters: $after, $first (integer)
// Columns: id, owner, seq
// @param after: integer
// @param first: integer
// @column id: string
// @column owner: string
// @column seq: integer
MATCH (alert:Alert)
WHERE alert.seq > $after
RETURN alert.id AS id, alert.owner AS owner, alert.seq AS seq
ORDER BY alert.seq
LIMIT $first
