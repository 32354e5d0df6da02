// Ring analysis, store: the run node of a new analysis. Written in one transaction with its rings
// (write-rings) and the removal of the scope's earlier runs (delete-runs), so readers see either
// the old results or the new ones, never a mix.
// Parameters: $run ({id, kind: 'rings', scope ('' for the whole graph), computedAt (DateTime),
//   parameters (JSON text of the options), durationMs, partyCount, linkCount, communityCount,
//   ringCount}).
// Columns: id (the run's id).
// @param run: RingRunInput
// @column id: string
CREATE (run:AnalysisRun)
SET run = $run
RETURN run.id AS id
