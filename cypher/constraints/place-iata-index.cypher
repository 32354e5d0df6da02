// Places are looked up by IATA airport code.
CREATE INDEX place_iata IF NOT EXISTS FOR (n:Place) ON (n.iataCode)
