// Resolution: the pairs joined by live SAME decisions (SAME_AS) within a scope, for the analyses
// that run in process (the ring analysis treats each resolved cluster as one party).
// Parameters: $scope (both ends' ids start with it; '' for all).
// Columns: kind (PERSON or COMPANY), a, b (the two ends' ids).
// @param scope: string
// @column kind: string
// @column a: string
// @column b: string
MATCH (a)-[:SAME_AS]->(b)
WHERE left(a.id, size($scope)) = $scope AND left(b.id, size($scope)) = $scope
RETURN DISTINCT CASE WHEN a:Person THEN 'PERSON' ELSE 'COMPANY' END AS kind, a.id AS a, b.id AS b
ORDER BY kind, a, b
