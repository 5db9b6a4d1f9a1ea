import { useEffect, useState } from "preact/hooks";
import { messagesLanguage, t } from "../../lib/i18n/messages";
import { firstScreenOf } from "../../lib/shared/panel-page";
import { Activity } from "./Activity";
import { AdminHosts } from "./AdminHosts";
import { AdminTemplate } from "./AdminTemplate";
import { Connection } from "./Connection";
import { JobMapping } from "./JobMapping";
import { Pending } from "./Pending";
import type { PanelState, PanelStore } from "./store";
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
        {/* Element Timing: lets `npm run bench` read when the settings were first painted (scripts/bench/sidepanel.ts). */}
        <span elementtiming={`${props.id}-label`}>{props.label}</span>
      </label>
      <p class="help" id={`${props.id}-help`}>
        {props.managed && <span class="managed">{t("managedByOrganisation")} </span>}
        {props.help}
      </p>
    </div>
  );
}

/**
 * False during the panel's first frame, true from the next task: the sections below the settings
 * render after the settings are on screen, so that the first frame has less to lay out and paint.
 */
function usePastFirstFrame(): boolean {
  const [past, setPast] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setPast(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  return past;
}

/** Settings and connection together (from the last panel's snapshot, or read): the welcome never pushes the settings down. */
export function canShowSettings({ settings, connection, error }: Pick<PanelState, "settings" | "connection" | "error">): boolean {
  return settings !== null && (connection !== null || error !== null);
}

/** `prerendered`: the first screen written into the page at build time (lib/shared/panel-page.ts), not a live panel. */
export function SidePanel({ store, prerendered = false }: { store: PanelStore; prerendered?: boolean }) {
  const { settings, managed, policyProblems, setSetting, connection, error } = store();
  /** Not connected yet: getting connected comes first. */
  const welcome = connection !== null && firstScreenOf(connection) === "welcome";
  const pastFirstFrame = usePastFirstFrame();
  useEffect(() => {
    // The page is in the language of its messages (the browser's, or English when there is no translation).
    document.documentElement.lang = messagesLanguage() ?? document.documentElement.lang;
    document.title = t("extName");
  }, []);
  if (!settings || !canShowSettings({ settings, connection, error })) return <p class="loading">{t("loading")}</p>;
  return (
    // Written at build time, the screen is not live yet: inert (no click, no focus) and, by the stylesheet, without the
    // switches, whose values are not known until the script runs.
    <main data-prerendered={prerendered ? "" : undefined} inert={prerendered || undefined}>
      <h1>{t("extName")}</h1>
      {connection === null && error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {welcome && <Connection store={store} welcome />}
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("settingsTitle")}</h2>
        {policyProblems.length > 0 && (
          <div class="notice" role="status" data-testid="policy-problems">
            <p>{t("policyProblems")}</p>
            <ul>
              {policyProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <Toggle
          id="integration-enabled"
          label={t("settingIntegrationLabel")}
          help={t("settingIntegrationHelp")}
          checked={settings.integrationEnabled}
          managed={managed.includes("integrationEnabled")}
          onChange={(value) => setSetting("integrationEnabled", value)}
        />
        <Toggle
          id="create-and-update"
          label={t("settingCreateLabel")}
          help={t("settingCreateHelp")}
          checked={settings.createAndUpdateCandidates}
          managed={managed.includes("createAndUpdateCandidates")}
          onChange={(value) => setSetting("createAndUpdateCandidates", value)}
        />
        <AdminHosts store={store} />
        <JobMapping store={store} />
      </section>
      {pastFirstFrame && (
        <>
          <ThisTab store={store} />
          <Pending store={store} />
          <Activity store={store} />
          <AdminTemplate store={store} />
          {!welcome && <Connection store={store} />}
        </>
      )}
    </main>
  );
}
