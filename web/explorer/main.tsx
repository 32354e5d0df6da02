import "graphiql/graphiql.css";
import "./explorer.css";

import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";

import { fetchWithCredential, readCredential } from "./credential.js";
import { EXAMPLES } from "./examples.js";
import { CREDENTIAL_PLUGIN, EXAMPLES_PLUGIN } from "./plugins.js";

// The page is served at the GraphQL URL itself, so the endpoint is where it was opened.
const endpoint = window.location.pathname.endsWith("/graphql") ? window.location.pathname : "/graphql";
const fetcher = createGraphiQLFetcher({ url: endpoint, fetch: fetchWithCredential });
const first = EXAMPLES[0]!;

/**
 * GraphiQL fills the first view's variables only from its `variables` prop or what it stored, never
 * from its default tabs: on a first visit (nothing stored yet) they are given here, so the first
 * example runs as it is. Later visits keep what the user left.
 */
function firstVisit(): boolean {
  try {
    return localStorage.getItem("graphiql:tabState") === null;
  } catch {
    return true;
  }
}

createRoot(document.getElementById("explorer")!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[EXAMPLES_PLUGIN, CREDENTIAL_PLUGIN]}
    // Without a credential nothing answers: the token panel comes first, saying where to find one.
    visiblePlugin={readCredential() === "" ? CREDENTIAL_PLUGIN : EXAMPLES_PLUGIN}
    defaultTabs={[{ query: first.query, variables: JSON.stringify(first.variables, null, 2) }]}
    variables={firstVisit() ? JSON.stringify(first.variables, null, 2) : undefined}
    defaultEditorToolsVisibility="variables"
    shouldPersistHeaders={false}
  />,
);
