import { registerEnumType } from "type-graphql";

import {
  CarrierKind,
  CitesAppendix,
  CompanyKind,
  IdentifierKind,
  PartyRole,
  PlaceKind,
  Product,
  QuantityUnit,
  Reliability,
  SourceKind,
  StopRole,
  TaxonRank,
  TransportMode,
} from "../../domain/vocabulary.js";

registerEnumType(TransportMode, { name: "TransportMode", description: "How a shipment moved." });
registerEnumType(Product, { name: "Product", description: "What part or form of an animal a commodity line is." });
registerEnumType(QuantityUnit, { name: "QuantityUnit", description: "The unit a quantity was reported in." });
registerEnumType(StopRole, { name: "StopRole", description: "The part a stop plays in a shipment's route." });
registerEnumType(PartyRole, { name: "PartyRole", description: "The part a person or company plays in a shipment." });
registerEnumType(IdentifierKind, { name: "IdentifierKind", description: "What kind of identifier ties parties together." });
registerEnumType(PlaceKind, { name: "PlaceKind", description: "What kind of place: port, airport, crossing, ..." });
registerEnumType(CarrierKind, { name: "CarrierKind", description: "What kind of carrier moved a shipment." });
registerEnumType(CompanyKind, { name: "CompanyKind", description: "What a company does in the trade." });
registerEnumType(CitesAppendix, { name: "CitesAppendix", description: "The CITES appendix a species is listed in." });
registerEnumType(Reliability, {
  name: "Reliability",
  description: "How reliable a source is, graded A (completely reliable) to F (cannot be judged).",
});
registerEnumType(SourceKind, { name: "SourceKind", description: "What kind of document or dataset a source is." });
registerEnumType(TaxonRank, { name: "TaxonRank", description: "The rank of a taxon: a species, or the genus, family or order goods were named by." });

export {
  CarrierKind,
  CitesAppendix,
  CompanyKind,
  IdentifierKind,
  PartyRole,
  PlaceKind,
  Product,
  QuantityUnit,
  Reliability,
  SourceKind,
  StopRole,
  TaxonRank,
  TransportMode,
};
