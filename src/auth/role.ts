/**
 * What a caller is cleared to see, from least to most. Each role sees what the ones before it see:
 * - PUBLIC: aggregates (routes, flows, trends, species, places, countries), seizures and shipments
 *   without their parties, and network views with persons, companies and identifiers as pseudonyms.
 * - ANALYST: adds companies, evidence (sources and citations), connections and timelines; person
 *   names and identifier values stay masked.
 * - INVESTIGATOR: everything, personal data included.
 * - ADMIN: also the audit log and API keys.
 */
export enum Role {
  PUBLIC = "PUBLIC",
  ANALYST = "ANALYST",
  INVESTIGATOR = "INVESTIGATOR",
  ADMIN = "ADMIN",
}

const RANK: Record<Role, number> = {
  [Role.PUBLIC]: 0,
  [Role.ANALYST]: 1,
  [Role.INVESTIGATOR]: 2,
  [Role.ADMIN]: 3,
};

export const ROLES = Object.values(Role);

/** Whether `role` is cleared for what `needed` may see. */
export function clearedFor(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as string[]).includes(value);
}
