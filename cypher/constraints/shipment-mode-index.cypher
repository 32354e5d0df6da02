// Shipment lists filter by mode of transport.
CREATE INDEX shipment_mode IF NOT EXISTS FOR (n:Shipment) ON (n.mode)
