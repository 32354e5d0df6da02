import { useEditorContext, useExecutionContext, usePluginContext, usePrettifyEditors, useSchemaContext, type GraphiQLPlugin } from "@graphiql/react";
import { useState } from "react";

import { readCredential, storeCredential } from "./credential.js";
import { EXAMPLES, operationNameOf, type ExampleOperation } from "./examples.js";

function ExamplesPanel() {
  const editors = useEditorContext({ nonNull: true });
  const execution = useExecutionContext({ nonNull: true });
  const prettify = usePrettifyEditors();
  const load = (example: ExampleOperation, run: boolean) => {
    editors.queryEditor?.setValue(example.query);
    editors.variableEditor?.setValue(JSON.stringify(example.variables, null, 2));
    // The editor learns the operation's name from its text only after a pause (GraphiQL debounces
    // it); until then a run would send the previous example's name. Set it now.
    editors.setOperationName(operationNameOf(example.query));
    prettify();
    if (run) setTimeout(() => execution.run(), 0);
  };
  const audiences = [...new Set(EXAMPLES.map((example) => example.audience))];
  return (
    <div className="mtg-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Load an operation into the editor, or load and run it. They follow the order of an inquiry.</p>
      {audiences.map((audience) => (
        <section key={audience}>
          <h3>{audience}</h3>
          <ul>
            {EXAMPLES.filter((example) => example.audience === audience).map((example) => (
              <li key={example.title}>
                <div className="mtg-example-title">{example.title}</div>
                <div className="mtg-example-description">{example.description}</div>
                <button type="button" className="mtg-button" data-example={example.title} onClick={() => load(example, false)}>
                  Load
                </button>
                <button type="button" className="mtg-button" data-example-run={example.title} onClick={() => load(example, true)}>
                  Load and run
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function CredentialPanel() {
  const schema = useSchemaContext({ nonNull: true });
  const plugins = usePluginContext();
  const [value, setValue] = useState(readCredential);
  const [saved, setSaved] = useState(readCredential() !== "");
  return (
    <form
      className="mtg-credential"
      onSubmit={(event) => {
        event.preventDefault();
        storeCredential(value);
        setSaved(value.trim() !== "");
        // The schema was asked for when the page opened, perhaps without a credential: ask again
        // with this one, so the documentation and completion work at once.
        schema.introspect();
        // A first visit goes on to the examples.
        if (value.trim() !== "") plugins?.setVisiblePlugin(EXAMPLES_PLUGIN);
      }}
    >
      <div className="graphiql-doc-explorer-title">Access token</div>
      <p>
        A token or an API key (<code>mtk_…</code>). It is kept in this browser only and sent with every request as{" "}
        <code>Authorization: Bearer …</code>. What the API answers depends on the role it grants.
      </p>
      <p>
        On a development machine, <code>npm start</code> prints a token (role INVESTIGATOR, valid 12 hours) in its log: the line
        starting <q>development token</q>. Otherwise <code>npm run keys -- token --role ANALYST --subject you</code> makes one (with{" "}
        <code>AUTH_JWT_SECRET</code>), or ask the API&apos;s operator for a key.
      </p>
      <label>
        Token
        <input
          type="password"
          name="token"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setSaved(false);
          }}
        />
      </label>
      <div>
        <button type="submit" className="mtg-button">
          Save
        </button>
        <button
          type="button"
          className="mtg-button"
          onClick={() => {
            setValue("");
            storeCredential("");
            setSaved(false);
          }}
        >
          Forget
        </button>
      </div>
      <p className="mtg-credential-state" data-saved={saved}>
        {saved ? "Saved: requests carry this token." : readCredential() === "" ? "No token: requests carry no credential." : "Not saved yet."}
      </p>
    </form>
  );
}

const ExamplesIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <path d="M4 4h12l4 4v12H4z M8 10h8 M8 14h8 M8 18h5" />
  </svg>
);

const KeyIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
    <circle cx="8" cy="15" r="4" />
    <path d="M11 12l9-9 M16 7l3 3 M14 9l2 2" />
  </svg>
);

export const EXAMPLES_PLUGIN: GraphiQLPlugin = { title: "Examples", icon: ExamplesIcon, content: ExamplesPanel };
export const CREDENTIAL_PLUGIN: GraphiQLPlugin = { title: "Access token", icon: KeyIcon, content: CredentialPanel };
