// Marks for a recount every trends month whose record of the genus and order it counted each of its
// species under (`taxonSpecies`, `taxonGenera`, `taxonOrders`) no longer matches the Species nodes:
// a species changed or went some other way than through the import's batches (a removed source
// clears what it alone stated). aggregates/touch-shipments does the same when species are written.
// Parameters: none.
// Columns: marked.
// @column marked: integer
MATCH (month:TradeEntity {level: 'TREND', kind: 'MONTH'})
WHERE NOT month.dirty AND NOT all(i IN range(0, size(coalesce(month.taxonSpecies, [])) - 1) WHERE EXISTS {
  MATCH (known:Species {id: month.taxonSpecies[i]})
  WHERE coalesce(known.genus, '') = month.taxonGenera[i] AND coalesce(known.order, '') = month.taxonOrders[i]
})
SET month.dirty = true, month.version = month.version + 1
RETURN count(month) AS marked
