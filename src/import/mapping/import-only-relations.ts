import { NodeLabel, RelType } from "../../domain/graph-schema.js";

/** A relationship of the model, from → to. */
export interface ModelRelationship {
  readonly from: NodeLabel;
  readonly type: RelType;
  readonly to: NodeLabel;
}

/**
 * Relationships of the model (`cypher/model.md`) that the API does not follow yet, so they are not
 * in `src/domain/relations.ts` (which lists the API's relationship fields): mappings may still make
 * them. Trade records (the CITES Trade Database) are stored for analysis beside the seizures.
 */
export const IMPORT_ONLY_RELATIONSHIPS: readonly ModelRelationship[] = [
  { from: NodeLabel.TradeRecord, type: RelType.OfSpecies, to: NodeLabel.Species },
  { from: NodeLabel.TradeRecord, type: RelType.ImportedBy, to: NodeLabel.Country },
  { from: NodeLabel.TradeRecord, type: RelType.ExportedBy, to: NodeLabel.Country },
  { from: NodeLabel.TradeRecord, type: RelType.OriginatedIn, to: NodeLabel.Country },
  { from: NodeLabel.TradeRecord, type: RelType.Records, to: NodeLabel.Seizure },
];
