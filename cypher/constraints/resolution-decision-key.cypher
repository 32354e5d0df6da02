// A decision is read by its id (undoDecision) and written once under it.
CREATE CONSTRAINT resolution_decision_key IF NOT EXISTS FOR (d:ResolutionDecision) REQUIRE d.id IS UNIQUE
