/**
 * GET /: a small page, with no script, leading to the explorer, the workbench and the embeds. It
 * holds no data and is served to anyone, under the explorer's Content-Security-Policy.
 */
export const HOME_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mekong trafficking graph</title>
    <link rel="icon" href="data:," />
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
      h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
      h2 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
      a { color: #0b5cad; }
      code { background: #eef2f6; padding: 0 0.25em; border-radius: 3px; }
      .lead { color: #4a5866; margin-top: 0; }
      li { margin: 0.35rem 0; }
    </style>
  </head>
  <body>
    <h1>Mekong trafficking graph</h1>
    <p class="lead">A knowledge graph of wildlife seizures, shipments, people, companies, places and species, served through GraphQL.</p>

    <h2>Sign in first</h2>
    <p>
      Every request needs a token or an API key. On a development machine, <code>npm start</code> prints a token
      (role INVESTIGATOR, valid 12 hours) in its log, on the line starting <q>development token</q>. Paste it into the
      explorer's <b>Access token</b> panel: it is kept in this browser and used by the pages below.
    </p>

    <h2>Pages</h2>
    <ul>
      <li><a href="/graphql">GraphQL explorer</a>: write and run queries, with a library of examples on the demo data and the schema's documentation.</li>
      <li><a href="/workbench/">Investigator's workbench</a>: from a name to a network, a path and a timeline, without writing a query.</li>
      <li>
        Embeddable views, for other sites: <a href="/embed/network.html?entity=fixture-person-1&amp;depth=2">network view</a>
        (<code>&lt;trafficking-network&gt;</code>) and <a href="/embed/routes.html?product=RAW_IVORY">route map</a>
        (<code>&lt;trafficking-routes&gt;</code>). Their pages take the credential in their address
        (<code>&amp;token=…</code>); the README's <q>Explorer and embeds</q> and <code>docs/embedding.md</code> say how to embed
        them, with an API key made for the embedding site's origin.
      </li>
    </ul>

    <h2>For programs</h2>
    <ul>
      <li><code>POST /graphql</code> with <code>Authorization: Bearer &lt;token or key&gt;</code>; the schema is in <code>schema/schema.graphql</code>.</li>
      <li><a href="/health">/health</a> (the process is alive) and <a href="/ready">/ready</a> (the database answers and the demo is loaded).</li>
    </ul>
  </body>
</html>
`;
