import { useState } from "preact/hooks";
import { scopesToAskAgain } from "../../lib/auth/needed-scopes";
import { type MessageKey, t } from "../../lib/i18n/messages";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import type { Endpoints } from "../../lib/settings/settings";
import { checkTypedValue } from "../../lib/settings/typed-address";
import type { PanelStore } from "./store";

const methodNames: Record<NonNullable<ConnectionStatus["method"]>, MessageKey> = {
  oauth: "methodOAuth",
  apiKey: "methodApiKey",
  clientCredentials: "methodClientCredentials",
};

const endpointFields: { key: keyof Endpoints; label: MessageKey; type: "url" | "text" }[] = [
  { key: "apiBaseUrl", label: "endpointApiBaseUrl", type: "url" },
  { key: "profileUrlTemplate", label: "endpointProfileUrlTemplate", type: "text" },
  { key: "authorizeUrl", label: "endpointAuthorizeUrl", type: "url" },
  { key: "tokenUrl", label: "endpointTokenUrl", type: "url" },
  { key: "clientId", label: "endpointClientId", type: "text" },
];

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Why the value typed in a field will be refused (only SmartRecruiters' addresses may be typed); null when it will not. */
function typedProblem(key: keyof Endpoints, typed: string, current: string): string | null {
  if (typed.trim() === "" || typed === current) return null;
  const checked = checkTypedValue(key, typed);
  return checked.ok ? null : checked.message;
}

/** The addresses SmartRecruiters is reached at; values the organisation sets are shown locked. */
function Addresses(props: { connection: ConnectionStatus; draft: Endpoints; onChange(draft: Endpoints): void }) {
  return (
    <details>
      <summary>{t("advanced")}</summary>
      {endpointFields.map(({ key, label, type }) => {
        const locked = props.connection.locked.includes(key);
        const problem = locked ? null : typedProblem(key, props.draft[key], props.connection.endpoints[key]);
        const describedBy = locked ? `endpoint-${key}-managed` : problem ? `endpoint-${key}-problem` : undefined;
        return (
          <div key={key} class="field">
            <label for={`endpoint-${key}`}>{t(label)}</label>
            <input
              id={`endpoint-${key}`}
              type="text"
              inputMode={type}
              spellcheck={false}
              value={props.draft[key]}
              disabled={locked}
              aria-invalid={problem ? true : undefined}
              aria-describedby={describedBy}
              onInput={(event) => props.onChange({ ...props.draft, [key]: event.currentTarget.value })}
            />
            {locked && (
              <p class="help managed" id={`endpoint-${key}-managed`}>
                {t("managedByOrganisation")}
              </p>
            )}
            {problem && (
              <p class="error" id={`endpoint-${key}-problem`} data-testid={`endpoint-${key}-problem`}>
                {problem}
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
      <label for="api-key">{t("apiKeyLabel")}</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        value={apiKey}
        onInput={(e) => setApiKey(e.currentTarget.value)}
        required
      />
      <button type="submit" disabled={busy || apiKey.trim() === ""}>
        {busy ? t("connecting") : t("connectWithApiKey")}
      </button>
    </form>
  );
}

function StatusLine({ connection }: { connection: ConnectionStatus }) {
  if (!connection.connected)
    return (
      <p data-testid="connection-status">
        <span class="dot" aria-hidden="true" /> {t("statusNotConnected")}
      </p>
    );
  const by = connection.byOrganisation ? t("statusConnectedByOrganisation") : t("statusConnected");
  const account = connection.account;
  return (
    <>
      <p data-testid="connection-status">
        <span class="dot ok" aria-hidden="true" />{" "}
        {t("statusConnectedWith", by, t(methodNames[connection.method ?? "oauth"]), host(connection.endpoints.apiBaseUrl))}
      </p>
      {account && (
        <p class="help" data-testid="connection-account">
          {t("statusAccount", account.name)}
          {account.email && account.email !== account.name && ` (${account.email})`}
        </p>
      )}
    </>
  );
}

export function Connection({ store, welcome = false }: { store: PanelStore; welcome?: boolean }) {
  const { connection, settings, busy, error, disconnect, connectOAuth } = store();
  const [draft, setDraft] = useState<Endpoints | null>(null);
  if (!connection) return null;
  const endpoints = draft ?? connection.endpoints;
  const problem = connection.problem;
  // Create-and-update switched on (here or by policy) after a sign-in that did not ask to create candidates.
  const askAgain = settings ? scopesToAskAgain(connection, settings) : [];
  const needsSignIn =
    !connection.byOrganisation && (!connection.connected || problem?.fix === "reconnect" || askAgain.length > 0);
  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">{welcome ? t("connectionWelcomeTitle") : t("connectionTitle")}</h2>
      {welcome && <p class="help">{t("connectionWelcomeHelp")}</p>}
      <StatusLine connection={connection} />
      {problem && (
        <p class="problem" role="status" data-testid="auth-problem">
          {problem.message}
        </p>
      )}
      {askAgain.length > 0 && (
        <p class="problem" role="status" id="sign-in-to-create" data-testid="sign-in-to-create">
          {t("signInToCreate")}
        </p>
      )}
      {needsSignIn && connection.method !== "apiKey" && (
        <div class="sign-in">
          {/*
            Said before any attempt. Connect stays enabled: SmartRecruiters documents a client secret but
            does not say a PKCE-only client is refused (the client ID set up may be one it accepts), and an
            attempt is harmless: a refusal changes nothing and its error gives the same advice.
          */}
          {connection.canSignIn && connection.signInNeedsSecret && (
            <p class="notice" id="sign-in-needs-secret" data-testid="sign-in-needs-secret">
              {t("signInNeedsSecret")}
            </p>
          )}
          <button
            type="button"
            class="primary"
            disabled={busy || !connection.canSignIn}
            onClick={() => connectOAuth(draft ?? {})}
            aria-describedby={[
              askAgain.length > 0 ? "sign-in-to-create" : "",
              connection.canSignIn && connection.signInNeedsSecret ? "sign-in-needs-secret" : "",
              "sign-in-help",
            ]
              .filter(Boolean)
              .join(" ")}
          >
            {busy ? t("connecting") : connection.connected || problem ? t("reconnect") : t("connect")}
          </button>
          <p class="help" id="sign-in-help">
            {connection.canSignIn ? t("signInHelp") : t("signInNotSetUp")}
          </p>
        </div>
      )}
      {connection.connected && !connection.byOrganisation && (
        <button
          type="button"
          onClick={() => {
            // The typed addresses are forgotten with the connection: the fields show the defaults again.
            setDraft(null);
            disconnect();
          }}
          disabled={busy}
        >
          {t("disconnect")}
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
