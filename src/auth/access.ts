import { ForbiddenError } from "../domain/errors.js";
import { NodeLabel } from "../domain/graph-schema.js";
import type { ViewEdge, ViewNode } from "../domain/graph-view.js";
import type { FoundPath } from "../domain/path-explanation.js";
import { PSEUDONYM_PREFIX, type Pseudonyms, type Revealed } from "./pseudonyms.js";
import { clearedFor, Role } from "./role.js";
import type { Viewer } from "./viewer.js";

/** The least role that sees entities of a kind in clear; kinds not listed are seen by every role. */
export const CLEARANCE: Partial<Record<NodeLabel, Role>> = {
  [NodeLabel.Person]: Role.INVESTIGATOR,
  [NodeLabel.Identifier]: Role.INVESTIGATOR,
  [NodeLabel.Company]: Role.ANALYST,
};

/** Properties a pseudonymous node keeps: none that could name it. */
const KEPT_PROPERTIES: Partial<Record<NodeLabel, readonly string[]>> = {
  [NodeLabel.Identifier]: ["kind"],
};

/** An id argument: an id in clear, or what a pseudonym names (null when it is none of this server's). */
export type NamedId = { clear: string } | { revealed: Revealed | null };

/**
 * Properties an edge keeps when one of its ends is shown under a pseudonym: structured values only,
 * never free text a source wrote about a party (a charge, a name as written).
 */
const KEPT_EDGE_PROPERTIES: readonly string[] = ["role", "seq", "convicted"];

/** Kinds whose ids in clear are recorded in the audit trail when a response shows them. */
const AUDITED = new Set<string>([NodeLabel.Person, NodeLabel.Company]);

/**
 * One request's view of what its viewer may see. Entities of a kind the viewer is not cleared for
 * are shown under stable pseudonyms (id and label), with no properties that could name them;
 * pseudonyms given back as arguments are turned into the entities again, so a pseudonymous node can
 * be expanded. Every person and company shown in clear is noted in `disclosed`.
 */
export class Access {
  /** `Person:<id>` and `Company:<id>` of every person and company shown in clear. */
  readonly disclosed = new Set<string>();

  constructor(
    readonly viewer: Viewer,
    readonly pseudonyms: Pseudonyms,
  ) {}

  cleared(needed: Role): boolean {
    return clearedFor(this.viewer.role, needed);
  }

  /** Throws FORBIDDEN naming `what` unless the viewer's role is `needed` or above. */
  require(needed: Role, what: string): void {
    if (!this.cleared(needed)) throw new ForbiddenError(what, needed);
  }

  /** Whether entities of `kind` are shown to this viewer in clear. */
  seesInClear(kind: string): boolean {
    const needed = CLEARANCE[kind as NodeLabel];
    return needed === undefined || this.cleared(needed);
  }

  /** The id to show for an entity: itself (noted when audited), or its pseudonym. */
  entityId(kind: string, id: string): string {
    if (!this.seesInClear(kind)) return this.pseudonyms.id(kind, id);
    this.disclose(kind, id);
    return id;
  }

  /** Notes that a person or company is shown in clear. */
  disclose(kind: string, id: string): void {
    if (AUDITED.has(kind)) this.disclosed.add(`${kind}:${id}`);
  }

  /**
   * What an id given as an argument names: a pseudonym is opened; an id in clear is taken as it is,
   * and the caller must not let it name an entity of a kind in `hiddenKinds()` (see
   * src/graphql/resolvers/argument-ids.ts), so that a hidden entity and a missing one look alike.
   */
  named(id: string): NamedId {
    if (!id.startsWith(PSEUDONYM_PREFIX)) return { clear: id };
    return { revealed: this.pseudonyms.reveal(id) };
  }

  /** Kinds this viewer sees only under pseudonyms. */
  hiddenKinds(): NodeLabel[] {
    return (Object.keys(CLEARANCE) as NodeLabel[]).filter((kind) => !this.seesInClear(kind));
  }

  /** A page cursor sealed for this viewer's role and the list `scope` (see src/auth/cursors.ts). */
  cursor(scope: string, position: readonly unknown[]): string {
    return this.pseudonyms.cursors.seal(scope, this.viewer.role, position);
  }

  /** The position in a cursor of `cursor()`; BAD_USER_INPUT for any other text, list or role. */
  position(scope: string, cursor: string, argument?: string): unknown[] {
    return this.pseudonyms.cursors.open(scope, this.viewer.role, cursor, argument);
  }

  node(node: ViewNode): ViewNode {
    if (this.seesInClear(node.kind)) {
      this.disclose(node.kind, node.id);
      return node;
    }
    return {
      ...node,
      id: this.pseudonyms.id(node.kind, node.id),
      label: this.pseudonyms.label(node.kind, node.id),
      properties: kept(node.properties, KEPT_PROPERTIES[node.kind] ?? []),
    };
  }

  /**
   * Nodes and edges as this viewer may see them; edges keep their citation only for ANALYST and
   * above. `shownId` gives the id shown for any node of the view (and throws for an id that is not
   * one of them, so that no id leaves without passing here).
   */
  view(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): { nodes: ViewNode[]; edges: ViewEdge[]; shownId(id: string): string } {
    const shownNodes = nodes.map((node) => this.node(node));
    const shownIds = new Map(nodes.map((node, index) => [node.id, shownNodes[index].id]));
    const shownId = (id: string): string => {
      const shown = shownIds.get(id);
      if (shown === undefined) throw new Error("an id outside the view cannot be shown");
      return shown;
    };
    const hidden = new Set(nodes.filter((node) => !this.seesInClear(node.kind)).map((node) => node.id));
    const shownEdges = edges.map((edge) => this.edge(edge, shownId, hidden.has(edge.source) || hidden.has(edge.target)));
    return { nodes: shownNodes, edges: shownEdges, shownId };
  }

  path(path: FoundPath): FoundPath {
    const { nodes, edges, shownId } = this.view(path.nodes, path.hops.map((hop) => hop.edge));
    const evidence = this.cleared(Role.ANALYST);
    return {
      nodes,
      hops: path.hops.map((hop, index) => ({
        ...hop,
        edge: edges[index],
        from: shownId(hop.from),
        to: shownId(hop.to),
        sourceTitle: evidence ? hop.sourceTitle : null,
      })),
    };
  }

  private edge(edge: ViewEdge, shownId: (id: string) => string, touchesHidden: boolean): ViewEdge {
    const source = shownId(edge.source);
    const target = shownId(edge.target);
    const suffix = edge.id.slice(`${edge.source}|${edge.type}|${edge.target}`.length);
    const evidence = this.cleared(Role.ANALYST);
    return {
      ...edge,
      id: `${source}|${edge.type}|${target}${suffix}`,
      source,
      target,
      properties: touchesHidden ? kept(edge.properties, KEPT_EDGE_PROPERTIES) : edge.properties,
      sourceId: evidence ? edge.sourceId : null,
      sourceRow: evidence ? edge.sourceRow : null,
      citations: evidence ? edge.citations : [],
    };
  }
}

function kept(properties: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in properties).map((key) => [key, properties[key]]));
}
