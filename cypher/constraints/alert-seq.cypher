// Each API process polls for alerts numbered after the last it saw (alerts/since.cypher).
CREATE INDEX alert_seq IF NOT EXISTS FOR (a:Alert) ON (a.seq)
