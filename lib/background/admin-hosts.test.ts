import { describe, expect, it } from "vitest";
import { oneAtATime } from "../shared/one-at-a-time";
import {
  adminHostsScriptId,
  applyAdminHosts,
  missingPatterns,
  type PermissionsApi,
  type RegisteredScript,
  type ScriptingApi,
} from "./admin-hosts";

/** The browser's registered scripts and granted origins, in memory; `calls` lists what was asked of scripting. */
function fakeBrowserApis(granted: string[]) {
  const registered = new Map<string, RegisteredScript>();
  const calls: string[] = [];
  const scripting: ScriptingApi = {
    async getRegisteredContentScripts(filter) {
      return [...registered.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id));
    },
    async registerContentScripts(scripts) {
      calls.push("register");
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
      }
    },
    async updateContentScripts(scripts) {
      calls.push("update");
      for (const script of scripts) {
        const current = registered.get(script.id);
        if (!current) throw new Error("No such script");
        registered.set(current.id, { ...current, ...script });
      }
    },
    async unregisterContentScripts(filter) {
      calls.push("unregister");
      for (const id of filter?.ids ?? []) registered.delete(id);
    },
  };
  const permissions: PermissionsApi = {
    async contains({ origins }) {
      return origins.every((origin) => granted.includes(origin));
    },
  };
  const deps = {
    scripting,
    permissions,
    contentScript: { js: ["content-scripts/content.js"], matches: ["https://www.tryhellohire.com/*"] },
  };
  return { deps, registered, calls, granted };
}

describe("admin-added Hellohire addresses", () => {
  it("registers the content script on the granted addresses only, and says which are still to be asked", async () => {
    const { deps, registered } = fakeBrowserApis(["https://hire.acme.com/*"]);
    const patterns = ["https://hire.acme.com/*", "https://jobs.acme.com/*"];
    expect(await applyAdminHosts(deps, patterns)).toEqual(["https://hire.acme.com/*"]);
    expect(registered.get(adminHostsScriptId)).toEqual({
      id: adminHostsScriptId,
      matches: ["https://hire.acme.com/*"],
      js: ["content-scripts/content.js"],
      runAt: "document_idle",
      persistAcrossSessions: true,
    });
    expect(await missingPatterns(patterns, deps.permissions)).toEqual(["https://jobs.acme.com/*"]);
  });

  it("follows grants and policy changes: update, nothing when unchanged, unregister when none is left", async () => {
    const { deps, registered, calls, granted } = fakeBrowserApis(["https://hire.acme.com/*"]);
    const patterns = ["https://hire.acme.com/*", "https://jobs.acme.com/*"];
    await applyAdminHosts(deps, patterns);
    granted.push("https://jobs.acme.com/*");
    await applyAdminHosts(deps, patterns);
    expect(registered.get(adminHostsScriptId)?.matches).toEqual(patterns);
    await applyAdminHosts(deps, [...patterns].reverse());
    expect(calls).toEqual(["register", "update"]);
    expect(await applyAdminHosts(deps, [])).toEqual([]);
    expect(registered.size).toBe(0);
    expect(calls).toEqual(["register", "update", "unregister"]);
  });

  it("leaves addresses the manifest already covers to the manifest's script", async () => {
    const { deps, registered } = fakeBrowserApis(["https://www.tryhellohire.com/*"]);
    expect(await applyAdminHosts(deps, ["https://www.tryhellohire.com/*"])).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it("a failing permission check counts as not granted", async () => {
    const { deps } = fakeBrowserApis([]);
    deps.permissions.contains = async () => {
      throw new Error("Invalid match pattern");
    };
    expect(await applyAdminHosts(deps, ["https://hire.acme.com/*"])).toEqual([]);
    expect(await missingPatterns(["https://hire.acme.com/*"], deps.permissions)).toEqual(["https://hire.acme.com/*"]);
  });

  it("calls made together run one after the other (no duplicate registration)", async () => {
    const { deps, calls } = fakeBrowserApis(["https://hire.acme.com/*"]);
    const queue = oneAtATime();
    const apply = () => queue(() => applyAdminHosts(deps, ["https://hire.acme.com/*"]));
    await Promise.all([apply(), apply(), apply()]);
    expect(calls).toEqual(["register"]);
  });
});
