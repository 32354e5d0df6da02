// A pair's live decision is looked up by its pair id before every new decision (resolution/decision-prepare.cypher).
CREATE INDEX resolution_decision_pair IF NOT EXISTS FOR (d:ResolutionDecision) ON (d.pairId)
