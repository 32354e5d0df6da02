// Places are looked up by UN/LOCODE.
CREATE INDEX place_locode IF NOT EXISTS FOR (n:Place) ON (n.locode)
