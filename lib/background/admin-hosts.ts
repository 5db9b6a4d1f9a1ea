/**
 * Hellohire addresses an organisation adds by policy (`hellohireHostPatterns`, e.g. its own
 * white-label domain): the manifest cannot list them, so the extension holds the optional host
 * permission for any https address, the interviewer grants each address once from the side panel
 * (permissions.request), and the background registers the content script on the granted ones.
 * Addresses the manifest already covers are left to the manifest's content script.
 */

/** The parts of `scripting` used here (Chromium MV3 and Firefox). */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: "document_idle";
  persistAcrossSessions: boolean;
}

export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export const adminHostsScriptId = "hellohire-admin-hosts";

/** The patterns this browser has granted (each asked on its own: one refusal does not hide the others). */
export async function grantedPatterns(patterns: readonly string[], permissions: PermissionsApi): Promise<string[]> {
  const granted = await Promise.all(patterns.map((pattern) => permissions.contains({ origins: [pattern] }).catch(() => false)));
  return patterns.filter((_, index) => granted[index]);
}

/** The patterns still to be granted: what the side panel asks the interviewer for. */
export async function missingPatterns(patterns: readonly string[], permissions: PermissionsApi): Promise<string[]> {
  const granted = new Set(await grantedPatterns(patterns, permissions));
  return patterns.filter((pattern) => !granted.has(pattern));
}

export interface AdminHostsDeps {
  scripting: ScriptingApi;
  permissions: PermissionsApi;
  /** The manifest's content script file(s) and the patterns it already runs on. */
  contentScript: { js: string[]; matches: string[] };
}

/**
 * Makes the registered content script match exactly the organisation's granted addresses (registers,
 * updates or unregisters it). Returns the patterns it now runs on, for the sender check.
 */
export async function applyAdminHosts(deps: AdminHostsDeps, patterns: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(patterns)].filter((pattern) => !deps.contentScript.matches.includes(pattern));
  const matches = await grantedPatterns(wanted, deps.permissions);
  const [existing] = await deps.scripting.getRegisteredContentScripts({ ids: [adminHostsScriptId] });
  if (matches.length === 0) {
    if (existing) await deps.scripting.unregisterContentScripts({ ids: [adminHostsScriptId] });
    return [];
  }
  if (existing && sameItems(existing.matches ?? [], matches)) return matches;
  const script: RegisteredScript = {
    id: adminHostsScriptId,
    matches,
    js: deps.contentScript.js,
    runAt: "document_idle",
    persistAcrossSessions: true,
  };
  if (existing) await deps.scripting.updateContentScripts([script]);
  else await deps.scripting.registerContentScripts([script]);
  return matches;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
