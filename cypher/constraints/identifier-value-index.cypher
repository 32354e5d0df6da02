// Identifiers are looked up by kind and normalised value ("who else used this number").
CREATE INDEX identifier_kind_value IF NOT EXISTS FOR (n:Identifier) ON (n.kind, n.value)
