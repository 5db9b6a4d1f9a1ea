import { hellohireHostPatterns } from "../hellohire/markup";
import { smartRecruitersHostPatterns } from "../smartrecruiters/hosts";

/**
 * Public half of a key pair made for this project's dev and test builds only. It pins the
 * unpacked extension's ID (see devExtensionId) so tests can address its pages. Never shipped:
 * production builds have no `key`.
 */
export const devPublicKey =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz5ekjE7c+sdsbxh+8G7JY6VJMvTSY5Nd8AyI8szZFqzRguvmmvLrJgO+UQNqQQlqdNfEi50yMVztofDl41qSRozGg4iW5flXxxQ7kK2Xk20CrFeUwQvuV/h/f4K+zlGraKjPZ93lF6xkduxH/YnCkfaJ8cUFos4qSuiYYg+i4Sibnm08SqrotJT0JanJI3ps3Ci9n8Rd1yuJ2wczZDQkLkxroAfqYSuVtb6dk8HvEM9WjNJwMIPWSFls0ICuLYMOcdvqhsbz4ZVKT/weCQzbeFEItfu7jNj/XuWklY/ke88mw2MbZ3bm3WjxLkguUZT5GSP9MqprVNI1LCI02TZRPwIDAQAB";
export const devExtensionId = "ojjencidapbffadplbcanpdemoboeflj";

/** Loopback pages: the fixture Hellohire app and the SmartRecruiters sandbox, in dev/test builds only. */
export const loopbackPatterns = ["http://127.0.0.1/*", "http://localhost/*"] as const;

/**
 * Loopback pages the manifest's content script runs on in dev/test builds. `http://localhost/*` is
 * granted but left out: the end-to-end tests use it as an address an organisation adds by policy
 * (`hellohireHostPatterns`), which the background then registers the content script on.
 */
export const loopbackContentPatterns = ["http://127.0.0.1/*"] as const;

/**
 * Hellohire addresses an organisation adds by policy are asked for at run time, one by one, from
 * the side panel (lib/background/admin-hosts.ts): the manifest only allows asking for https ones.
 */
export const optionalHostPatterns = ["https://*/*"] as const;

/** The manifest's texts come from public/_locales (messages extName, extDescription, …). */
export const extensionName = "__MSG_extName__";

/** Keyboard shortcuts (re-bindable at chrome://extensions/shortcuts) that rate the active interview's candidate. */
export const ratingCommands = {
  "rate-yes": { suggested_key: { default: "Alt+Shift+Y" }, description: "__MSG_commandRateYes__" },
  "rate-maybe": { suggested_key: { default: "Alt+Shift+M" }, description: "__MSG_commandRateMaybe__" },
  "rate-no": { suggested_key: { default: "Alt+Shift+N" }, description: "__MSG_commandRateNo__" },
};

interface ManifestInput {
  browser: string;
  mode: string;
}

export function isProductionMode(mode: string): boolean {
  return mode === "production";
}

export function manifestFor({ browser, mode }: ManifestInput) {
  const chromium = browser !== "firefox";
  // scripting: registers the content script on the Hellohire addresses an organisation adds (no
  // install warning; it grants no host access by itself).
  const permissions = ["storage", "identity", "alarms", "scripting", ...(chromium ? ["sidePanel"] : [])];
  return {
    name: extensionName,
    // Every string the extension shows comes from public/_locales (English by default).
    default_locale: "en",
    description: "__MSG_extDescription__",
    permissions,
    host_permissions: [...hellohireHostPatterns, ...smartRecruitersHostPatterns],
    // MV3 (Chromium) names optional hosts apart; MV2 (Firefox) lists them with the optional permissions.
    ...(chromium
      ? { optional_host_permissions: [...optionalHostPatterns] }
      : { optional_permissions: [...optionalHostPatterns] }),
    action: { default_title: "__MSG_actionTitle__" },
    commands: ratingCommands,
    ...(chromium ? { storage: { managed_schema: "managed_schema.json" } } : {}),
    ...(chromium && !isProductionMode(mode) ? { key: devPublicKey } : {}),
    ...(chromium ? {} : { browser_specific_settings: geckoSettings }),
  };
}

/**
 * What the extension sends outside the browser, in Mozilla's data taxonomy
 * (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/), shown by Firefox
 * at install. Not `"none"`: Mozilla's add-on policy counts as transmission "any data that is collected,
 * used, transferred, shared, or handled outside of the add-on or the local browser", whoever receives
 * it, and the extension sends, without a click each time (lookups run as the page loads, and ahead for
 * the next candidates), data it reads on Hellohire's page to the organisation's SmartRecruiters:
 * - `personallyIdentifyingInfo`: the candidate's email (the search) and, with "create and update" on,
 *   their first and last name;
 * - `websiteContent`: the interview's name, read from the page, in the rating tag.
 * Both are required: the extension has no function without them. Nothing goes to the developer or any other party (PRIVACY.md). Not declared: `authenticationInfo`
 * (sign-in happens on SmartRecruiters' own page, which the extension never reads; tokens and keys go
 * only back to SmartRecruiters or the organisation's token endpoint that issued them), `browsingActivity`
 * (no URL or visit is sent), `websiteActivity` (the clicks on our own buttons become the rating, nothing
 * about how the page is used), `technicalAndInteraction` (no analytics, telemetry or error reports).
 */
export const firefoxDataCollection = { required: ["personallyIdentifyingInfo", "websiteContent"] };

/**
 * Firefox settings. `data_collection_permissions` (above) is only understood, and its consent only
 * shown, from Firefox 140 on desktop and 142 on Android: older versions would install the extension
 * with no consent at all, so they are not offered it. 140 is also an ESR, and every other feature used
 * (MV2 background scripts, `storage.session`, `sidebar_action`, `identity.launchWebAuthFlow`,
 * `commands`) is older than that.
 */
export const geckoSettings = {
  gecko: {
    id: "smartrecruiters-for-hellohire@example.org",
    strict_min_version: "140.0",
    data_collection_permissions: firefoxDataCollection,
  },
  gecko_android: { strict_min_version: "142.0" },
};

interface ManifestWithMatches {
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

/** Lets dev and test builds run on the loopback fixture pages and sandbox; production is untouched. */
export function addLoopbackForTests(manifest: ManifestWithMatches, mode: string): void {
  if (isProductionMode(mode)) return;
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...loopbackPatterns];
  for (const script of manifest.content_scripts ?? []) {
    script.matches = [...(script.matches ?? []), ...loopbackContentPatterns];
  }
}
