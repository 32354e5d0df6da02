/**
 * The user's credential (a JWT or an API key), kept in this browser's localStorage and sent as
 * `Authorization: Bearer <credential>` with every request the explorer makes.
 */
export const CREDENTIAL_STORAGE_KEY = "mekong-graph.explorer.token";

export function readCredential(): string {
  try {
    return localStorage.getItem(CREDENTIAL_STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

export function storeCredential(value: string): void {
  const trimmed = value.trim();
  try {
    if (trimmed === "") localStorage.removeItem(CREDENTIAL_STORAGE_KEY);
    else localStorage.setItem(CREDENTIAL_STORAGE_KEY, trimmed);
  } catch {
    // Storage refused (private mode): the credential lasts until the page is closed.
  }
}

/**
 * fetch() with the stored credential added, read at each request so a change applies at once. An
 * Authorization header written in the Headers editor wins over the stored one.
 */
export const fetchWithCredential: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  const credential = readCredential();
  if (credential !== "" && !headers.has("authorization")) headers.set("authorization", `Bearer ${credential}`);
  return fetch(input, { ...init, headers });
};
