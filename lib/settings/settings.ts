import { isRecord } from "../shared/is-record";
import { protectedItem } from "../shared/protected-item";
import {
  defaultApiBaseUrl,
  defaultAuthorizeUrl,
  defaultClientId,
  defaultProfileUrlTemplate,
  defaultTokenUrl,
} from "../smartrecruiters/hosts";
import { endpointKeys, parseTypedEndpoint } from "./addresses";
import { cachedPolicy } from "./policy";

/*
 * The interviewer's choices, in the extension's IndexedDB (../shared/protected-item.ts): null until
 * they choose, so that effectiveSettings() can tell their choice from the default.
 */

/** "SmartRecruiters integration": shows the link and rating buttons on interview pages. */
export const integrationEnabled = protectedItem<boolean | null>("settings.integrationEnabled", { fallback: null });

/** "Create and update candidate profile in SmartRecruiters". Off: look up only, never write the candidate. */
export const createAndUpdateCandidates = protectedItem<boolean | null>("settings.createAndUpdateCandidates", {
  fallback: null,
});

/** Where SmartRecruiters is: the user's choice under "Advanced" (a policy value wins over it). */
export interface Endpoints {
  apiBaseUrl: string;
  profileUrlTemplate: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
}

export const defaultEndpoints: Readonly<Endpoints> = Object.freeze({
  apiBaseUrl: defaultApiBaseUrl,
  profileUrlTemplate: defaultProfileUrlTemplate,
  authorizeUrl: defaultAuthorizeUrl,
  tokenUrl: defaultTokenUrl,
  clientId: defaultClientId,
});

/** The addresses typed under "Advanced": in the extension's IndexedDB, where a page cannot rewrite them. */
export const endpoints = protectedItem<Endpoints>("settings.endpoints", {
  fallback: { ...defaultEndpoints },
  // As storage.local kept it (WXT's version record), brought up to date as it moves.
  legacy: {
    version: 2,
    migrations: {
      // Version 1 had the API and profile addresses only (API-key sign-in).
      2: (v1: unknown) => ({ ...defaultEndpoints, ...(isRecord(v1) ? v1 : {}) }),
    },
  },
});

/**
 * The interviewer's addresses as they may be used: each one checked again as if typed now
 * (SmartRecruiters' own hosts; this computer in dev and test builds), the default in place of any
 * other. Only policy points elsewhere: a stored value that did not come through typing, or that an
 * earlier version accepted, never decides where a sign-in or a token goes.
 */
export function usableTypedEndpoints(stored: Endpoints): Endpoints {
  const usable: Endpoints = {
    ...defaultEndpoints,
    clientId: typeof stored.clientId === "string" ? stored.clientId : defaultClientId,
  };
  for (const key of endpointKeys) {
    const address = parseTypedEndpoint(key, stored[key]);
    if (address.ok) usable[key] = address.url;
  }
  return usable;
}

/** What is kept of a sign-in's addresses: the interviewer's own; the ones `locked` (policy) are not theirs to keep. */
export function typedEndpointsToKeep(used: Endpoints, locked: readonly (keyof Endpoints)[]): Endpoints {
  const kept: Endpoints = { ...used };
  for (const key of locked) kept[key] = defaultEndpoints[key];
  return kept;
}

export interface UserSettings {
  integrationEnabled: boolean;
  createAndUpdateCandidates: boolean;
}

export const settingItems = { integrationEnabled, createAndUpdateCandidates } as const;
export type SettingName = keyof typeof settingItems;

/** Each setting's value until the interviewer or the policy chooses. */
export const settingDefaults: Readonly<Record<SettingName, boolean>> = {
  integrationEnabled: true,
  createAndUpdateCandidates: false,
};

export type SettingSource = "policy" | "user" | "default";
export type EffectiveSettings = { [name in SettingName]: { value: boolean; source: SettingSource } };

/** Each setting's value and where it comes from: the organisation's policy, else the user's choice, else the default. */
export async function effectiveSettings(): Promise<EffectiveSettings> {
  const names = Object.keys(settingItems) as SettingName[];
  const [{ policy }, ...chosen] = await Promise.all([
    cachedPolicy.getValue(),
    ...names.map((name) => settingItems[name].getValue()),
  ]);
  const result = {} as EffectiveSettings;
  names.forEach((name, index) => {
    const fromPolicy = policy[name];
    const fromUser = chosen[index];
    result[name] =
      fromPolicy !== undefined
        ? { value: fromPolicy, source: "policy" }
        : typeof fromUser === "boolean"
          ? { value: fromUser, source: "user" }
          : { value: settingDefaults[name], source: "default" };
  });
  return result;
}

/** Effective values only. */
export async function readSettings(): Promise<UserSettings> {
  const settings = await effectiveSettings();
  return {
    integrationEnabled: settings.integrationEnabled.value,
    createAndUpdateCandidates: settings.createAndUpdateCandidates.value,
  };
}

/** Settings the organisation's policy sets: shown locked, "Managed by your organisation". */
export async function managedSettings(): Promise<SettingName[]> {
  const { policy } = await cachedPolicy.getValue();
  return (Object.keys(settingItems) as SettingName[]).filter((name) => policy[name] !== undefined);
}
