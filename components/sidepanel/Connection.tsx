import { useState } from "preact/hooks";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import type { Endpoints } from "../../lib/settings/settings";
import type { PanelStore } from "./store";

const methodNames: Record<NonNullable<ConnectionStatus["method"]>, string> = {
  oauth: "your SmartRecruiters account",
  apiKey: "an API key",
  clientCredentials: "the organisation's SmartRecruiters credential",
};

const endpointFields: { key: keyof Endpoints; label: string; type: "url" | "text" }[] = [
  { key: "apiBaseUrl", label: "API address", type: "url" },
  { key: "profileUrlTemplate", label: "Candidate profile address (with {id})", type: "text" },
  { key: "authorizeUrl", label: "Sign-in address", type: "url" },
  { key: "tokenUrl", label: "Token address", type: "url" },
  { key: "clientId", label: "OAuth client ID", type: "text" },
];

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The addresses SmartRecruiters is reached at; values the organisation sets are shown locked. */
function Addresses(props: { connection: ConnectionStatus; draft: Endpoints; onChange(draft: Endpoints): void }) {
  return (
    <details>
      <summary>Advanced</summary>
      {endpointFields.map(({ key, label, type }) => {
        const locked = props.connection.locked.includes(key);
        return (
          <div key={key} class="field">
            <label for={`endpoint-${key}`}>{label}</label>
            <input
              id={`endpoint-${key}`}
              type="text"
              inputMode={type}
              spellcheck={false}
              value={props.draft[key]}
              disabled={locked}
              aria-describedby={locked ? `endpoint-${key}-managed` : undefined}
              onInput={(event) => props.onChange({ ...props.draft, [key]: event.currentTarget.value })}
            />
            {locked && (
              <p class="help managed" id={`endpoint-${key}-managed`}>
                Managed by your organisation.
              </p>
            )}
          </div>
        );
      })}
    </details>
  );
}

function ApiKeyForm({ store, draft }: { store: PanelStore; draft: Endpoints }) {
  const { busy, connectApiKey } = store();
  const [apiKey, setApiKey] = useState("");
  return (
    <form
      class="connect"
      onSubmit={(event) => {
        event.preventDefault();
        connectApiKey(apiKey, draft).then((ok) => ok && setApiKey(""));
      }}
    >
      <label for="api-key">SmartRecruiters API key</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        value={apiKey}
        onInput={(e) => setApiKey(e.currentTarget.value)}
        required
      />
      <button type="submit" disabled={busy || apiKey.trim() === ""}>
        {busy ? "Connecting…" : "Connect with API key"}
      </button>
    </form>
  );
}

function StatusLine({ connection }: { connection: ConnectionStatus }) {
  if (!connection.connected)
    return (
      <p data-testid="connection-status">
        <span class="dot" aria-hidden="true" /> Not connected to SmartRecruiters
      </p>
    );
  const by = connection.byOrganisation ? "Connected by your organisation" : "Connected to SmartRecruiters";
  return (
    <p data-testid="connection-status">
      <span class="dot ok" aria-hidden="true" /> {by} with {methodNames[connection.method ?? "oauth"]} (
      {host(connection.endpoints.apiBaseUrl)})
    </p>
  );
}

export function Connection({ store, welcome = false }: { store: PanelStore; welcome?: boolean }) {
  const { connection, busy, error, disconnect, connectOAuth } = store();
  const [draft, setDraft] = useState<Endpoints | null>(null);
  if (!connection) return null;
  const endpoints = draft ?? connection.endpoints;
  const problem = connection.problem;
  const needsSignIn = !connection.byOrganisation && (!connection.connected || problem?.fix === "reconnect");
  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">{welcome ? "Welcome: connect to SmartRecruiters" : "Connection"}</h2>
      {welcome && (
        <p class="help">
          Connect once, and every one-on-one interview on Hellohire shows the candidate's SmartRecruiters link and Yes / Maybe /
          No buttons that tag them in SmartRecruiters.
        </p>
      )}
      <StatusLine connection={connection} />
      {problem && (
        <p class="problem" role="status" data-testid="auth-problem">
          {problem.message}
        </p>
      )}
      {needsSignIn && connection.method !== "apiKey" && (
        <div class="sign-in">
          <button
            type="button"
            class="primary"
            disabled={busy || !connection.canSignIn}
            onClick={() => connectOAuth(draft ?? {})}
            aria-describedby="sign-in-help"
          >
            {busy
              ? "Connecting…"
              : connection.connected || problem
                ? "Reconnect to SmartRecruiters"
                : "Connect to SmartRecruiters"}
          </button>
          <p class="help" id="sign-in-help">
            {connection.canSignIn
              ? "Opens SmartRecruiters in a window: log in and give permission. The extension can then read candidates, add missing ones and tag them."
              : "Sign-in is not set up for this extension yet: your SmartRecruiters admin sets it up by policy. You can use an API key instead."}
          </p>
        </div>
      )}
      {connection.connected && !connection.byOrganisation && (
        <button type="button" onClick={() => disconnect()} disabled={busy}>
          Disconnect
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!connection.byOrganisation && !connection.connected && (
        <>
          <Addresses connection={connection} draft={endpoints} onChange={setDraft} />
          {connection.userMayChoose && <ApiKeyForm store={store} draft={endpoints} />}
        </>
      )}
    </section>
  );
}
