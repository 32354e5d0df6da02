// A Seizure is identified by its `id`.
CREATE CONSTRAINT seizure_id IF NOT EXISTS FOR (n:Seizure) REQUIRE n.id IS UNIQUE
