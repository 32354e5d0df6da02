// A resolution candidate (see model.md) is identified by its pair: a run finding it again updates it.
CREATE CONSTRAINT match_candidate_key IF NOT EXISTS FOR (c:MatchCandidate) REQUIRE c.id IS UNIQUE
