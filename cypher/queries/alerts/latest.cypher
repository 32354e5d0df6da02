// The number of the last alert committed (0 before the first): where a process starts polling.
// Parameters: none
// Columns: last
// @column last: integer
OPTIONAL MATCH (counter:AlertCounter {id: 'alerts'})
RETURN coalesce(counter.last, 0) AS last
