// Shipment lists filter by departure date.
CREATE INDEX shipment_departed_on IF NOT EXISTS FOR (n:Shipment) ON (n.departedOn)
