import "graphiql/graphiql.css";
import "./explorer.css";

import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";

import { fetchWithCredential } from "./credential.js";
import { EXAMPLES } from "./examples.js";
import { CREDENTIAL_PLUGIN, EXAMPLES_PLUGIN } from "./plugins.js";

// The page is served at the GraphQL URL itself, so the endpoint is where it was opened.
const endpoint = window.location.pathname.endsWith("/graphql") ? window.location.pathname : "/graphql";
const fetcher = createGraphiQLFetcher({ url: endpoint, fetch: fetchWithCredential });
const first = EXAMPLES[0]!;

createRoot(document.getElementById("explorer")!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[EXAMPLES_PLUGIN, CREDENTIAL_PLUGIN]}
    visiblePlugin={EXAMPLES_PLUGIN}
    defaultTabs={[{ query: first.query, variables: JSON.stringify(first.variables, null, 2) }]}
    defaultEditorToolsVisibility="variables"
    shouldPersistHeaders={false}
  />,
);
