// Seizure lists filter and sort by date.
CREATE INDEX seizure_date IF NOT EXISTS FOR (n:Seizure) ON (n.date)
