import { createJSONStorage, type PersistOptions, type StateStorage } from "zustand/middleware";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import type { SettingName, UserSettings } from "../../lib/settings/settings";
import type { PanelState } from "./store";

/**
 * What the side panel last showed of its settings and connection, kept in the extension's own
 * `localStorage` (synchronous, so the next panel paints its settings at once instead of after a
 * round of `storage.local` reads; the fresh values replace it a few ms later). No candidate data,
 * no token and no name: only what the settings and connection sections show. Content scripts cannot read
 * the extension origin's `localStorage`.
 */
export type PanelSnapshot = Pick<PanelState, "settings" | "managed" | "policyProblems" | "connection">;

export const snapshotKey = "srh.panel.snapshot";
const snapshotVersion = 1;
const settingNames: readonly SettingName[] = ["integrationEnabled", "createAndUpdateCandidates"];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function isSettings(value: unknown): value is UserSettings {
  return isRecord(value) && settingNames.every((name) => typeof value[name] === "boolean");
}

function isConnection(value: unknown): value is ConnectionStatus {
  return (
    isRecord(value) &&
    ["connected", "byOrganisation", "userMayChoose", "canSignIn"].every((key) => typeof value[key] === "boolean") &&
    isStringArray(value.scopes) &&
    isStringArray(value.locked) &&
    isRecord(value.endpoints) &&
    (value.problem === null || isRecord(value.problem))
  );
}

/** The snapshot if it has the shape this version writes; anything else (older, damaged) is ignored. */
export function validSnapshot(value: unknown): PanelSnapshot | null {
  if (!isRecord(value) || !isSettings(value.settings) || !isStringArray(value.policyProblems)) return null;
  if (!isStringArray(value.managed) || !value.managed.every((name) => settingNames.includes(name as SettingName))) return null;
  if (value.connection !== null && !isConnection(value.connection)) return null;
  return {
    settings: value.settings,
    managed: value.managed as SettingName[],
    policyProblems: value.policyProblems,
    connection: value.connection && { ...value.connection, account: null },
  };
}

const noSnapshot: PanelSnapshot = { settings: null, managed: [], policyProblems: [], connection: null };

/** zustand `persist` options: restore the snapshot synchronously when the store is made, save it on every change. */
export function snapshotOptions(storage: () => StateStorage): PersistOptions<PanelState, PanelSnapshot> {
  return {
    name: snapshotKey,
    version: snapshotVersion,
    storage: createJSONStorage(storage),
    // Who is signed in stays out: the interviewer's own name lives in session storage only.
    partialize: ({ settings, managed, policyProblems, connection }) => ({
      settings,
      managed,
      policyProblems,
      connection: connection && { ...connection, account: null },
    }),
    // Another version's snapshot is not migrated: the fresh values arrive within milliseconds anyway.
    migrate: () => noSnapshot,
    merge: (persisted, current) => {
      const snapshot = validSnapshot(persisted);
      return snapshot ? { ...current, ...snapshot } : current;
    },
  };
}
