import { useState } from "preact/hooks";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import { defaultApiBaseUrl, defaultProfileUrlTemplate } from "../../lib/smartrecruiters/hosts";
import { Pending } from "./Pending";
import type { PanelStore } from "./store";
import { ThisTab } from "./ThisTab";

function Toggle(props: {
  id: string;
  label: string;
  help: string;
  checked: boolean;
  managed: boolean;
  onChange(value: boolean): void;
}) {
  return (
    <div class="setting">
      <label class="toggle" for={props.id}>
        <input
          id={props.id}
          type="checkbox"
          role="switch"
          checked={props.checked}
          aria-checked={props.checked}
          disabled={props.managed}
          aria-describedby={`${props.id}-help`}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        <span>{props.label}</span>
      </label>
      <p class="help" id={`${props.id}-help`}>
        {props.managed && <span class="managed">Managed by your organisation. </span>}
        {props.help}
      </p>
    </div>
  );
}

function ApiKeyForm({ store, connection }: { store: PanelStore; connection: ConnectionStatus }) {
  const { busy, connectApiKey } = store();
  const [apiKey, setApiKey] = useState("");
  const [apiBaseUrl, setApiBaseUrl] = useState(connection.apiBaseUrl || defaultApiBaseUrl);
  const [profileUrlTemplate, setProfileUrlTemplate] = useState(connection.profileUrlTemplate || defaultProfileUrlTemplate);
  return (
    <form
      class="connect"
      onSubmit={(event) => {
        event.preventDefault();
        connectApiKey({ apiKey, apiBaseUrl, profileUrlTemplate }).then((ok) => ok && setApiKey(""));
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
      <details>
        <summary>Advanced</summary>
        <label for="api-base-url">API address</label>
        <input id="api-base-url" type="url" value={apiBaseUrl} onInput={(e) => setApiBaseUrl(e.currentTarget.value)} required />
        <label for="profile-url">Candidate profile address (with {"{id}"})</label>
        <input
          id="profile-url"
          type="text"
          value={profileUrlTemplate}
          onInput={(e) => setProfileUrlTemplate(e.currentTarget.value)}
          required
        />
      </details>
      <button type="submit" disabled={busy || apiKey.trim() === ""}>
        {busy ? "Connecting…" : "Connect"}
      </button>
    </form>
  );
}

function Connection({ store }: { store: PanelStore }) {
  const { connection, busy, error, disconnect } = store();
  if (!connection) return null;
  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">Connection</h2>
      {connection.connected ? (
        <div class="connected">
          <p data-testid="connection-status">
            <span class="dot ok" aria-hidden="true" /> Connected to SmartRecruiters with an API key (
            {new URL(connection.apiBaseUrl).host})
          </p>
          <button type="button" onClick={() => disconnect()} disabled={busy}>
            Disconnect
          </button>
        </div>
      ) : (
        <>
          <p data-testid="connection-status">
            <span class="dot" aria-hidden="true" /> Not connected to SmartRecruiters
          </p>
          <ApiKeyForm store={store} connection={connection} />
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

export function SidePanel({ store }: { store: PanelStore }) {
  const { loaded, settings, managed, setSetting } = store();
  if (!loaded || !settings) return <p class="loading">Loading…</p>;
  return (
    <main>
      <h1>SmartRecruiters for Hellohire</h1>
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <Toggle
          id="integration-enabled"
          label="SmartRecruiters integration"
          help="Shows “View in SmartRecruiters” and Yes / Maybe / No under the candidate’s name in one-on-one interviews."
          checked={settings.integrationEnabled}
          managed={managed.includes("integrationEnabled")}
          onChange={(value) => setSetting("integrationEnabled", value)}
        />
        <Toggle
          id="create-and-update"
          label="Create and update candidate profile in SmartRecruiters"
          help="Adds candidates missing from SmartRecruiters to the talent pool, and updates their first name when Hellohire shows a different one."
          checked={settings.createAndUpdateCandidates}
          managed={managed.includes("createAndUpdateCandidates")}
          onChange={(value) => setSetting("createAndUpdateCandidates", value)}
        />
      </section>
      <ThisTab store={store} />
      <Pending store={store} />
      <Connection store={store} />
    </main>
  );
}
