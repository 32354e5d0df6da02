// Seizure and shipment lists filter by product (scales, horn, ...).
CREATE INDEX commodity_line_product IF NOT EXISTS FOR (n:CommodityLine) ON (n.product)
