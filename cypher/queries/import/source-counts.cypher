// The counts a Source keeps of what it backs (properties `nodes.<Label>` and `relationships.<TYPE>`,
// added to by the import queries in each batch's transaction), read in constant time: the import
// report's before and after. `countsKept` is false for a Source made before counts were kept (the
// import counts it once with source-node-counts and source-relationship-counts and stores them).
// Parameters: $sourceId.
// Columns: countsKept (boolean), counts (list of [key, count] over the Source's count properties);
// no row when there is no such Source.
// @param sourceId: string
// @column countsKept: boolean
// @column counts: KeyCountMap[]
MATCH (source:Source {id: $sourceId})
RETURN coalesce(source.countsKept, false) AS countsKept,
       [key IN keys(source) WHERE key STARTS WITH "nodes." OR key STARTS WITH "relationships." | [key, source[key]]] AS counts
