import { CompanyKind } from "../domain/vocabulary.js";
import { RelType } from "../domain/graph-schema.js";
import { PERIOD } from "./dates.js";
import type { IdentifierFactory, IdentifierValue } from "./locale/identifiers.js";
import { Rng } from "./prng.js";
import { companyKey, personKey, type CompanyRecord, type HolderKey, type Holdings, type PersonRecord } from "./population.js";
import { drawCompany, drawPerson, NOISE_PERSON_IDENTIFIERS } from "./records.js";
import type { Member, Ring } from "./rings.js";
import { OFFICER_ROLES } from "./vocabulary.js";

/**
 * Planted shortest paths between core members of two rings that no broker joins directly.
 *
 * Why the planted path is the unique shortest one under PARTY_TO, HAS_IDENTIFIER and OFFICER_OF:
 * a core member's neighbours all belong to its ring, so any other path from A (ring R1) to B (ring
 * R2) leaves R1 through an exposed member E1 (at least 1 hop from A), reaches an outsider (2 hops:
 * through an identifier or a shipment; an officer link never leaves a ring), continues to an exposed
 * member E2 of R2 (at least 2 more hops, as R1 and R2 are not bridged) and reaches B (at least 1):
 * at least 6 hops, or at least 6 through another planted path (2 + 2 + 2). Planted paths have 2 to 5
 * hops. A 2-hop path (one identifier held by both) is also the only one of its length over every
 * relationship type but SOURCED_FROM: A and B have different nationalities, so no country is a
 * common neighbour, and they share no shipment, seizure or company. Tests check both by search.
 */
export interface PlannedPath {
  readonly fromRing: number;
  readonly toRing: number;
  readonly from: Member;
  readonly to: Member;
  readonly length: number;
  /** The nodes, from A to B, as logical refs resolved to ids when the ground truth is written. */
  readonly nodes: PathNode[];
  /** Each edge as the model directs it, `from` and `to` being positions in `nodes`. */
  readonly edges: { type: RelType; from: number; to: number }[];
  /** Set for 5-hop paths: the planted shipment (by index) and its two parties (companies, persons). */
  readonly shipment?: { index: number; shipper: number; consignee: number };
}

export type PathNode =
  | { readonly kind: "Person" | "Company"; readonly logical: number }
  | { readonly kind: "Identifier"; readonly id: string }
  | { readonly kind: "Shipment"; readonly index: number };

export interface PathContext {
  readonly seed: string;
  readonly factory: IdentifierFactory;
  readonly persons: PersonRecord[];
  readonly companies: CompanyRecord[];
  readonly holdings: Holdings;
}

export const PATH_LENGTHS = [2, 3, 4, 5] as const;

export function pathCount(rings: number): number {
  return Math.min(12, Math.max(4, Math.floor(rings / 2)));
}

/** The shipment index of the k-th planted shipment, spread over the run. */
export function plantedShipmentIndex(k: number, count: number, shipments: number): number {
  return Math.floor(((k + 0.5) * shipments) / count);
}

export function planPaths(context: PathContext, rings: readonly Ring[], shipments: number): PlannedPath[] {
  const { seed, factory, persons, companies, holdings } = context;
  const rng = Rng.of(seed, "paths");
  const bridged = new Set<string>();
  for (const ring of rings) for (const bridge of ring.bridgesOut) bridged.add(`${Math.min(bridge.fromRing, bridge.toRing)}:${Math.max(bridge.fromRing, bridge.toRing)}`);
  const used = new Set<Member>();
  // A single-link member deals with his ring alone (through his handler): no path starts from him.
  const coreOf = (ring: Ring): Member[] =>
    ring.members.filter(
      (member) => member.kind === "Person" && !member.exposed && !used.has(member) && ring.singleLinks.every((link) => link.member !== member),
    );

  const wanted = pathCount(rings.length);
  const paths: PlannedPath[] = [];
  let fiveHop = 0;
  for (let attempt = 0; paths.length < wanted && attempt < wanted * 50; attempt++) {
    const r1 = rng.int(0, rings.length - 1);
    const r2 = rng.int(0, rings.length - 1);
    if (r1 === r2 || bridged.has(`${Math.min(r1, r2)}:${Math.max(r1, r2)}`)) continue;
    const fromCandidates = coreOf(rings[r1]);
    if (fromCandidates.length === 0) continue;
    const a = rng.pick(fromCandidates);
    const toCandidates = coreOf(rings[r2]).filter((member) => member.countryId !== a.countryId);
    if (toCandidates.length === 0) continue;
    const b = rng.pick(toCandidates);
    used.add(a);
    used.add(b);

    const length = PATH_LENGTHS[paths.length % PATH_LENGTHS.length];
    const nodes: PathNode[] = [{ kind: "Person", logical: a.logical }];
    const edges: { type: RelType; from: number; to: number }[] = [];
    /** Appends a node and the edge that reaches it; `forward` says whether the edge points at it. */
    const step = (node: PathNode, type: RelType, forward: boolean): void => {
      nodes.push(node);
      const here = nodes.length - 1;
      edges.push(forward ? { type, from: here - 1, to: here } : { type, from: here, to: here - 1 });
    };
    const sharedBy = (holders: HolderKey[], country: string): IdentifierValue => {
      const value = rng.chance(0.5) ? factory.bankAccount(rng, country) : factory.phone(rng, country);
      holdings.share(value, "planted-path", holders);
      return value;
    };
    const newPerson = (): PersonRecord => {
      const nationality = rng.pick([a.countryId, b.countryId]);
      const record = drawPerson(rng, factory, persons.length, nationality, { ...NOISE_PERSON_IDENTIFIERS, address: 0 });
      persons.push(record);
      return record;
    };
    const newCompany = (): CompanyRecord => {
      const record = drawCompany(rng, factory, companies.length, rng.pick(["HK", "SG", "AE", a.countryId]), CompanyKind.SHELL, PERIOD.from);
      record.officers.push({ personLogical: a.logical, role: OFFICER_ROLES.nomineeDirector });
      companies.push(record);
      return record;
    };

    const has = RelType.HasIdentifier;
    let shipment: PlannedPath["shipment"];
    if (length === 2) {
      const value = sharedBy([personKey(a.logical), personKey(b.logical)], a.countryId);
      step({ kind: "Identifier", id: value.id }, has, true);
    } else if (length === 3) {
      const shell = newCompany();
      step({ kind: "Company", logical: shell.logical }, RelType.OfficerOf, true);
      const value = sharedBy([companyKey(shell.logical), personKey(b.logical)], shell.countryId);
      step({ kind: "Identifier", id: value.id }, has, true);
    } else if (length === 4) {
      const middle = newPerson();
      const first = sharedBy([personKey(a.logical), personKey(middle.logical)], a.countryId);
      step({ kind: "Identifier", id: first.id }, has, true);
      step({ kind: "Person", logical: middle.logical }, has, false);
      const second = sharedBy([personKey(middle.logical), personKey(b.logical)], b.countryId);
      step({ kind: "Identifier", id: second.id }, has, true);
    } else {
      const shell = newCompany();
      const middle = newPerson();
      const index = plantedShipmentIndex(fiveHop++, Math.ceil(wanted / PATH_LENGTHS.length), shipments);
      shipment = { index, shipper: shell.logical, consignee: middle.logical };
      step({ kind: "Company", logical: shell.logical }, RelType.OfficerOf, true);
      step({ kind: "Shipment", index }, RelType.PartyTo, true);
      step({ kind: "Person", logical: middle.logical }, RelType.PartyTo, false);
      const value = sharedBy([personKey(middle.logical), personKey(b.logical)], b.countryId);
      step({ kind: "Identifier", id: value.id }, has, true);
    }
    step({ kind: "Person", logical: b.logical }, has, false);
    paths.push({ fromRing: r1, toRing: r2, from: a, to: b, length, nodes, edges, shipment });
  }
  return paths;
}

