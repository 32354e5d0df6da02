// An import batch finds the watches its facts touch by target (alerts/match-batch.cypher).
CREATE INDEX watch_target IF NOT EXISTS FOR (w:Watch) ON (w.targetId)
