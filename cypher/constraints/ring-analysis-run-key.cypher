// An AnalysisRun (one run of the ring analysis, see model.md) is identified by its `id`.
CREATE CONSTRAINT analysis_run_id IF NOT EXISTS FOR (n:AnalysisRun) REQUIRE n.id IS UNIQUE
