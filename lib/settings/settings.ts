import { storage } from "wxt/utils/storage";
import { defaultApiBaseUrl, defaultProfileUrlTemplate } from "../smartrecruiters/hosts";

/** "SmartRecruiters integration": shows the link and rating buttons on interview pages. */
export const integrationEnabled = storage.defineItem<boolean>("local:settings.integrationEnabled", {
  fallback: true,
  version: 1,
});

/** "Create and update candidate profile in SmartRecruiters". Off: look up only, never write the candidate. */
export const createAndUpdateCandidates = storage.defineItem<boolean>("local:settings.createAndUpdateCandidates", {
  fallback: false,
  version: 1,
});

export interface Endpoints {
  apiBaseUrl: string;
  profileUrlTemplate: string;
}

export const endpoints = storage.defineItem<Endpoints>("local:settings.endpoints", {
  fallback: { apiBaseUrl: defaultApiBaseUrl, profileUrlTemplate: defaultProfileUrlTemplate },
  version: 1,
});

export interface UserSettings {
  integrationEnabled: boolean;
  createAndUpdateCandidates: boolean;
}

export const settingItems = { integrationEnabled, createAndUpdateCandidates } as const;
export type SettingName = keyof typeof settingItems;

export function isSettingName(value: unknown): value is SettingName {
  return typeof value === "string" && Object.hasOwn(settingItems, value);
}

export async function readSettings(): Promise<UserSettings> {
  const [enabled, createAndUpdate] = await Promise.all([integrationEnabled.getValue(), createAndUpdateCandidates.getValue()]);
  return { integrationEnabled: enabled, createAndUpdateCandidates: createAndUpdate };
}
