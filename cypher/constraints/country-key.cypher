// A Country is identified by its `id` (its ISO 3166-1 alpha-2 code).
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE
