/**
 * The embeds' one way to the API: a GraphQL POST carrying the caller's credential (a JWT or an API
 * key) as `Authorization: Bearer <credential>`. Errors come back as GraphQLRequestError with the
 * API's code, so a view can show a clear message without a stack trace. Codes of the client's own:
 * - ORIGIN_NOT_ALLOWED: the API answers, but not to this page's origin (CORS): the credential has
 *   to be an API key made for this origin, or the origin has to be in the API's CORS_ORIGINS;
 * - NETWORK_ERROR: the API could not be reached at all;
 * - HTTP_ERROR: an answer that is not GraphQL.
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
    throw await unreachable(api, signal);
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
 * Why a request failed before any answer could be read. A browser hides the reason, and refuses
 * in the same way an API that is down and one that does not let this origin in (no CORS header
 * names it). They are told apart by asking the API's /health in `no-cors` mode: that request gets
 * an answer (unreadable, but an answer) whenever the server is up, whatever the origin.
 */
async function unreachable(api: string, signal?: AbortSignal): Promise<GraphQLRequestError> {
  let target: URL;
  try {
    target = new URL(api, window.location.href);
  } catch {
    return new GraphQLRequestError(`The API address ${api} is not a URL.`, "NETWORK_ERROR");
  }
  const here = window.location.origin;
  if (target.origin !== here) {
    const answers = await fetch(new URL("/health", target), { mode: "no-cors", cache: "no-store", signal }).then(
      () => true,
      () => false,
    );
    if (answers) {
      return new GraphQLRequestError(
        `The API at ${target.origin} does not accept requests from this page's origin (${here}): browsers may call it only ` +
          `from the origins of its API keys and its CORS_ORIGINS. Use an API key made for ${here} ` +
          `(npm run keys -- create --origin ${here} ...), or ask the API's operator to add it.`,
        "ORIGIN_NOT_ALLOWED",
      );
    }
  }
  return new GraphQLRequestError(
    `The API at ${target.href} could not be reached (is it running, and does this page's Content-Security-Policy let it connect?).`,
    "NETWORK_ERROR",
  );
}

/**
 * The GraphQL URL next to the script that defines a component, read while the script runs. A
 * classic script is `document.currentScript`; a module script is not (it is null there), so the
 * last script whose address is under /embed/ stands for it. Used when a component has no `api`
 * attribute; the page's own origin when no script names one.
 */
export function apiNextToScript(): string {
  const current = document.currentScript as HTMLScriptElement | null;
  const script = current?.src ? current : [...document.querySelectorAll<HTMLScriptElement>('script[src*="/embed/"]')].at(-1);
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
