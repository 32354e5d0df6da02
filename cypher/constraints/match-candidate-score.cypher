// resolutionCandidates reads candidates best first from this index, a page at a time
// (resolution/page.cypher), instead of sorting every candidate above minScore.
CREATE INDEX match_candidate_score IF NOT EXISTS FOR (c:MatchCandidate) ON (c.score)
