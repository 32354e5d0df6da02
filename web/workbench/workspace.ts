/**
 * Workspaces saved in this browser (localStorage). A workspace keeps ids, positions and settings,
 * never names or properties: reopening it asks the API again with the credential of the moment, so
 * a role sees only what it may see, whoever saved the workspace. (Pseudonyms are stable while the
 * API keeps its PSEUDONYM_SECRET; a workspace saved under pseudonyms of another key finds nothing.)
 */
export const WORKSPACE_STORAGE_KEY = "mekong-graph.workbench.workspaces";

export interface SavedNode {
  id: string;
  x: number;
  y: number;
  classes: string[];
  seed?: boolean;
  expanded?: boolean;
  expandedTypes?: string[];
}

export interface Workspace {
  name: string;
  savedAt: string;
  nodes: SavedNode[];
  edges: string[];
  edgeTypes: string[];
  settings: { sizeBy: string; colourBy: string; period: { from: string; to: string } | null };
}

export function listWorkspaces(): Workspace[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(WORKSPACE_STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as Workspace[]) : [];
  } catch {
    return [];
  }
}

export function saveWorkspace(workspace: Workspace): void {
  const others = listWorkspaces().filter((saved) => saved.name !== workspace.name);
  localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify([...others, workspace]));
}

export function deleteWorkspace(name: string): void {
  localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify(listWorkspaces().filter((saved) => saved.name !== name)));
}
