// The seizures a source backs: with its shipments (aggregates/shipments-of-source), what a load that
// did not go through the import (the hand-made fixture) gives the trade tallies to count.
// Parameters: $sourceId.
// Columns: id.
// @param sourceId: string
// @column id: string
MATCH (seizure:Seizure)-[:SOURCED_FROM]->(:Source {id: $sourceId})
RETURN seizure.id AS id
ORDER BY id
