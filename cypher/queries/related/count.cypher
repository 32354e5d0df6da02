// How many nodes each node of a batch reaches through one relationship field. Slots as in related/all.
// Parameters: $ids (list of ids of FROM nodes).
// Columns: key (the id asked for), count (integer). Unknown ids give no row.
UNWIND $ids AS key
MATCH (from:{{FROM}} {id: key})
RETURN key, COUNT { (from){{LEFT}}[:{{TYPE}}]{{RIGHT}}(:{{TO}}) } AS count
