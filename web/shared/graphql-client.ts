/**
 * The embeds' one way to the API: a GraphQL POST carrying the caller's credential (a JWT or an API
 * key) as `Authorization: Bearer <credential>`. Errors come back as GraphQLRequestError with the
 * API's code, so a view can show a clear message without a stack trace.
 */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function postGraphQL<T>(
  api: string,
  credential: string | null,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
  if (credential) headers.authorization = `Bearer ${credential}`;
  let response: Response;
  try {
    response = await fetch(api, { method: "POST", headers, body: JSON.stringify({ query, variables }), signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new GraphQLRequestError(`The API at ${api} could not be reached.`, "NETWORK_ERROR");
  }
  let body: GraphQLBody<T> | null = null;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    body = null;
  }
  const first = body?.errors?.[0];
  if (first) throw new GraphQLRequestError(first.message, first.extensions?.code ?? "GRAPHQL_ERROR");
  if (response.status === 401) throw new GraphQLRequestError("Not signed in: give a token or an API key.", "UNAUTHENTICATED");
  if (response.status === 403) throw new GraphQLRequestError("This token or API key may not see this view.", "FORBIDDEN");
  if (!response.ok || !body?.data) throw new GraphQLRequestError(`The API answered ${response.status}.`, "HTTP_ERROR");
  return body.data;
}

/**
 * The GraphQL URL next to the script that defines a component, read while the script runs (the
 * only moment `document.currentScript` names it). Used when a component has no `api` attribute.
 */
export function apiNextToScript(): string {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script?.src ? script.src : window.location.href;
  return new URL("/graphql", base).href;
}

/** The credential a component was given: `token`, else `api-key`. */
export function credentialOf(element: Element): string | null {
  const value = element.getAttribute("token") ?? element.getAttribute("api-key");
  return value && value.trim() !== "" ? value.trim() : null;
}

/** Copies an iframe page's URL query onto a component's attributes (only the names it knows). */
export function attributesFromQuery(element: Element, names: readonly string[], search = window.location.search): void {
  const query = new URLSearchParams(search);
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Saves a data URL as a file, from inside a shadow root or not. */
export function download(dataUrl: string, fileName: string, parent: Node & ParentNode): void {
  const link = document.createElement("a");
  link.href = dataUrl;
  link.download = fileName;
  link.style.display = "none";
  parent.appendChild(link);
  link.click();
  link.remove();
}
