// Creates or updates the Source node of an import (the dataset a mapping file describes).
// Parameters: $source (map: id, title, publisher, url, licence, retrievedOn (Date), reliability, kind).
// Columns: none.
MERGE (source:Source {id: $source.id})
SET source += $source
