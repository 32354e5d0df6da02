// Ring analysis, store: each ring's quality (see src/analysis/ring-detection.ts, RingQuality), set
// on the Ring nodes write-rings created, in the same transaction.
// Parameters: $ids (ring ids), $density, $closure, $meanCohesion, $stability (lists of floats, one
//   per ring of $ids, in the same order).
// Columns: id (one row per ring set).
// @param ids: string[]
// @param density: float[]
// @param closure: float[]
// @param meanCohesion: float[]
// @param stability: float[]
// @column id: string
UNWIND range(0, size($ids) - 1) AS at
MATCH (ring:Ring {id: $ids[at]})
SET ring.density = $density[at],
  ring.closure = $closure[at],
  ring.meanCohesion = $meanCohesion[at],
  ring.stability = $stability[at]
RETURN ring.id AS id
