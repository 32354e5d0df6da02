// The read-back of one owner's alerts after a cursor (alerts/alerts-after.cypher).
CREATE INDEX alert_owner_seq IF NOT EXISTS FOR (a:Alert) ON (a.owner, a.seq)
