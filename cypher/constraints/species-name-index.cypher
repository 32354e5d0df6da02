// Species are looked up by scientific name.
CREATE INDEX species_scientific_name IF NOT EXISTS FOR (n:Species) ON (n.scientificName)
