// @vitest-environment node
/**
 * The admin guide (docs/admin.md) and the ready-made policy files (docs/policy/) against the managed
 * schema (public/managed_schema.json) and the extension's own policy parser (lib/settings/policy.ts).
 *
 * Each file is read the way its platform reads it (registry types, plist, the Admin console's
 * {"Value": x} wrapping, Firefox's 3rdparty section), then: every key is in the schema with the
 * schema's type, parsePolicy keeps every value and reports no problem, the files that show the main
 * example all say the same thing, and the extension IDs are the extension's. The guide must name every
 * schema key in its table with a valid example, and link every ready file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { patternNames, selectorNames } from "../../lib/hellohire/markup";
import { applyMarkupOverride } from "../../lib/hellohire/markup-override";
import { devExtensionId, manifestFor } from "../../lib/manifest/manifest";
import { jobIdForInterview, parsePolicy } from "../../lib/settings/policy";
import {
  chromeSchemaProblems,
  decodeRegistryPolicy,
  isObject,
  parsePlist,
  parseReg,
  regKey,
  type SchemaNode,
  sameRegPath,
  schemaProblems,
  unwrapAdminConsole,
} from "./policy-file-formats";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const policyDir = join(root, "docs/policy");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const readJson = (path: string): unknown => JSON.parse(read(path));

const schema = readJson("public/managed_schema.json") as SchemaNode & { properties: Record<string, SchemaNode> };
const schemaKeys = Object.keys(schema.properties);
const firefoxId = (
  manifestFor({ browser: "firefox", mode: "production" }) as { browser_specific_settings: { gecko: { id: string } } }
).browser_specific_settings.gecko.id;

const chromeUpdateUrl = "https://clients2.google.com/service/update2/crx";
const edgeUpdateUrl = "https://edge.microsoft.com/extensionwebstorebase/v1/crx";

/** One policy file as its browser reads it. */
interface Reading {
  extensionId: string;
  /** The extension's managed-storage values, decoded. */
  values: Record<string, unknown>;
  /** The file's ExtensionSettings policy (install + pin), when it has one. */
  extensionSettings?: Record<string, unknown>;
}

type Browser = "chrome" | "edge" | "firefox";

interface PolicyFile {
  file: string;
  browser: Browser;
  /** "main": the one example configuration the guide uses everywhere. */
  example: "main" | "clientCredentials";
  read(text: string): Reading;
}

function onlyEntry(container: unknown, what: string): [string, Record<string, unknown>] {
  if (!isObject(container)) throw new Error(`${what} must be an object`);
  const entries = Object.entries(container);
  if (entries.length !== 1) throw new Error(`${what} must hold exactly one extension`);
  const [id, values] = entries[0] as [string, unknown];
  if (!isObject(values)) throw new Error(`${what}.${id} must be an object`);
  return [id, values];
}

/** Linux JSON (/etc/opt/chrome/policies/managed/*.json): {"3rdparty": {"extensions": {id: values}}}. */
function readLinuxJson(text: string): Reading {
  const json = JSON.parse(text) as unknown;
  if (!isObject(json) || !isObject(json["3rdparty"])) throw new Error('expected {"3rdparty": ...}');
  const [extensionId, values] = onlyEntry(json["3rdparty"].extensions, "3rdparty.extensions");
  return { extensionId, values };
}

function readExtensionSettingsJson(text: string): Reading {
  const json = JSON.parse(text) as unknown;
  if (!isObject(json)) throw new Error("expected an object");
  const [extensionId] = onlyEntry(json.ExtensionSettings, "ExtensionSettings");
  return { extensionId, values: {}, extensionSettings: json.ExtensionSettings as Record<string, unknown> };
}

/** A .reg file: the 3rdparty policy key of exactly one extension, and ExtensionSettings as a JSON string. */
function readRegistry(browserKey: string): (text: string) => Reading {
  return (text) => {
    const reg = parseReg(text);
    const pattern = new RegExp(
      `^${browserKey.replaceAll("\\", "\\\\")}\\\\3rdparty\\\\extensions\\\\([^\\\\]+)\\\\policy$`,
      "iu",
    );
    const policyKeys = [...reg.keys.keys()].filter((path) => pattern.test(path));
    if (policyKeys.length !== 1) throw new Error(`expected one ${browserKey}\\3rdparty\\extensions\\<id>\\policy key`);
    const policyKey = policyKeys[0] as string;
    const extensionId = pattern.exec(policyKey)?.[1] as string;
    // Every other key in the file is the browser's own policy key (for ExtensionSettings).
    for (const path of reg.keys.keys())
      if (path !== policyKey && !sameRegPath(path, browserKey)) throw new Error(`unexpected key ${path}`);
    // The deletion line clears values left from an earlier import, and only the extension's policy.
    for (const path of reg.deleted) if (!sameRegPath(path, policyKey)) throw new Error(`deletes ${path}`);
    const values = decodeRegistryPolicy(regKey(reg, policyKey) ?? new Map(), schema.properties);
    const settings = regKey(reg, browserKey)?.get("ExtensionSettings");
    if (settings && settings.type !== "sz") throw new Error("ExtensionSettings must be a JSON string");
    return {
      extensionId,
      values,
      ...(settings ? { extensionSettings: JSON.parse(settings.value) as Record<string, unknown> } : {}),
    };
  };
}

/** A configuration profile: a com.google.Chrome.extensions.<id> payload, and ExtensionSettings in com.google.Chrome. */
function readMobileconfig(text: string): Reading {
  const profile = parsePlist(text);
  if (!isObject(profile) || profile.PayloadType !== "Configuration" || !Array.isArray(profile.PayloadContent))
    throw new Error("expected a Configuration profile with PayloadContent");
  const payloads = profile.PayloadContent.flatMap((p) => (isObject(p) ? [p] : []));
  const uuids = [profile, ...payloads].map((p) => p.PayloadUUID);
  for (const uuid of uuids)
    if (typeof uuid !== "string" || !/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/iu.test(uuid))
      throw new Error(`PayloadUUID ${String(uuid)} is not a UUID`);
  if (new Set(uuids).size !== uuids.length) throw new Error("PayloadUUIDs must differ");
  for (const payload of [profile, ...payloads])
    if (typeof payload.PayloadIdentifier !== "string" || payload.PayloadVersion !== 1)
      throw new Error("every payload needs PayloadIdentifier and PayloadVersion 1");
  const prefix = "com.google.Chrome.extensions.";
  const policyPayloads = payloads.filter((p) => typeof p.PayloadType === "string" && p.PayloadType.startsWith(prefix));
  if (policyPayloads.length !== 1) throw new Error(`expected one ${prefix}<id> payload`);
  const policyPayload = policyPayloads[0] as Record<string, unknown>;
  const values = Object.fromEntries(Object.entries(policyPayload).filter(([key]) => !key.startsWith("Payload")));
  const chromePayload = payloads.find((p) => p.PayloadType === "com.google.Chrome");
  const settings = chromePayload?.ExtensionSettings;
  for (const payload of payloads)
    if (payload !== policyPayload && payload !== chromePayload)
      throw new Error(`unexpected payload ${String(payload.PayloadType)}`);
  return {
    extensionId: (policyPayload.PayloadType as string).slice(prefix.length),
    values,
    ...(isObject(settings) ? { extensionSettings: settings } : {}),
  };
}

function readFirefox(text: string): Reading {
  const json = JSON.parse(text) as unknown;
  if (!isObject(json) || !isObject(json.policies) || !isObject(json.policies["3rdparty"]))
    throw new Error('expected {"policies": {"3rdparty": ...}}');
  const [extensionId, values] = onlyEntry(json.policies["3rdparty"].Extensions, "3rdparty.Extensions");
  const settings = json.policies.ExtensionSettings;
  return { extensionId, values, ...(isObject(settings) ? { extensionSettings: settings } : {}) };
}

const files: PolicyFile[] = [
  { file: "chrome-linux.json", browser: "chrome", example: "main", read: readLinuxJson },
  { file: "chrome-linux-client-credentials.json", browser: "chrome", example: "clientCredentials", read: readLinuxJson },
  {
    file: "chrome-windows.reg",
    browser: "chrome",
    example: "main",
    read: readRegistry("HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome"),
  },
  { file: "chrome-macos.mobileconfig", browser: "chrome", example: "main", read: readMobileconfig },
  {
    file: "google-admin-console.json",
    browser: "chrome",
    example: "main",
    // The Admin console knows which extension it configures: the file holds the values only.
    read: (text) => ({ extensionId: devExtensionId, values: unwrapAdminConsole(JSON.parse(text)) }),
  },
  {
    file: "edge-windows.reg",
    browser: "edge",
    example: "main",
    read: readRegistry("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge"),
  },
  { file: "firefox-policies.json", browser: "firefox", example: "main", read: readFirefox },
];
const installFiles: (Omit<PolicyFile, "example"> & { example?: undefined })[] = [
  { file: "extension-settings-chrome.json", browser: "chrome", read: readExtensionSettingsJson },
];

const readings = new Map([...files, ...installFiles].map((f) => [f.file, f.read(readFileSync(join(policyDir, f.file), "utf8"))]));
const reading = (file: string) => readings.get(file) as Reading;
const policyFiles = files.map((f) => f.file);

/** What parsePolicy keeps, secrets included. */
function kept(values: Record<string, unknown>): { kept: Record<string, unknown>; problems: string[] } {
  const { policy, secrets, problems } = parsePolicy(values);
  return { kept: { ...policy, ...secrets }, problems };
}

describe("docs/policy/", () => {
  it("has exactly the files this test reads", () => {
    expect(readdirSync(policyDir).sort()).toEqual([...files, ...installFiles].map((f) => f.file).sort());
  });

  it.each(policyFiles)("%s: every key is in the managed schema, with the schema's type", (file) => {
    const { values } = reading(file);
    expect(Object.keys(values).length).toBeGreaterThan(0);
    expect(schemaProblems(values, schema)).toEqual([]);
  });

  it.each(policyFiles)("%s: parsePolicy keeps every value as written and reports no problem", (file) => {
    const { values } = reading(file);
    expect(kept(values)).toEqual({ kept: values, problems: [] });
    if (values.selectorOverrides !== undefined) expect(applyMarkupOverride(values.selectorOverrides).ok).toBe(true);
  });

  it.each(files)("$file: is for the extension's ID on $browser", ({ file, browser }) => {
    expect(reading(file).extensionId).toBe(browser === "firefox" ? firefoxId : devExtensionId);
  });

  it("every file with the main example describes the same configuration", () => {
    const main = files.filter((f) => f.example === "main");
    const [first, ...others] = main.map((f) => reading(f.file).values);
    expect(main.length).toBeGreaterThanOrEqual(6);
    for (const values of others) expect(values).toEqual(first);
    // The main example carries no secret.
    expect(first).not.toHaveProperty("apiKey");
    expect(first).not.toHaveProperty("clientSecret");
  });

  it("the client-credentials example differs from the main one only in sign-in", () => {
    const main = reading("chrome-linux.json").values;
    const orgSignIn = reading("chrome-linux-client-credentials.json").values;
    expect(orgSignIn.authMode).toBe("clientCredentials");
    expect(orgSignIn.integrationEnabled).toBe(main.integrationEnabled);
    expect(orgSignIn.createAndUpdateCandidates).toBe(main.createAndUpdateCandidates);
    expect(orgSignIn.clientId).toBe(main.clientId);
    expect(orgSignIn.jobByInterview).toEqual(main.jobByInterview);
  });

  it("the main example maps the fixture's CSR interview to a job, as the guide explains", () => {
    const { policy } = parsePolicy(reading("chrome-linux.json").values);
    expect(jobIdForInterview(policy.jobByInterview, "CSR")).toBe("your-job-id");
    // candidateSource is the organisation's own IDs: no ready file guesses them.
    for (const file of policyFiles) expect(reading(file).values).not.toHaveProperty("candidateSource");
  });

  it.each([...readings].filter(([, r]) => r.extensionSettings).map(([file]) => file))(
    "%s: ExtensionSettings force-installs the extension from its store and pins it",
    (file) => {
      const { extensionSettings } = reading(file);
      const browser = [...files, ...installFiles].find((f) => f.file === file)?.browser;
      const expected =
        browser === "firefox"
          ? {
              [firefoxId]: {
                installation_mode: "force_installed",
                install_url: expect.stringMatching(/^https:\/\/.+\.xpi$/u),
                default_area: "navbar",
              },
            }
          : browser === "edge"
            ? {
                [devExtensionId]: {
                  installation_mode: "force_installed",
                  update_url: edgeUpdateUrl,
                  toolbar_state: "force_shown",
                },
              }
            : {
                [devExtensionId]: {
                  installation_mode: "force_installed",
                  update_url: chromeUpdateUrl,
                  toolbar_pin: "force_pinned",
                },
              };
      expect(extensionSettings).toEqual(expected);
    },
  );

  it("every Chrome file that installs the extension installs it the same way", () => {
    const chrome = [...readings]
      .filter(
        ([file, r]) => r.extensionSettings && [...files, ...installFiles].find((f) => f.file === file)?.browser === "chrome",
      )
      .map(([, r]) => r.extensionSettings);
    expect(chrome.length).toBeGreaterThanOrEqual(3);
    for (const settings of chrome) expect(settings).toEqual(chrome[0]);
  });
});

describe("the checks catch broken policy", () => {
  const main = reading("chrome-linux.json").values;

  it("a misspelled key is not in the schema", () => {
    const { authMode, ...rest } = main;
    expect(schemaProblems({ ...rest, authmode: authMode }, schema)).toEqual(["policy.authmode: not in the schema"]);
  });

  it("a value of the wrong type, or outside the enum, is refused", () => {
    expect(schemaProblems({ ...main, integrationEnabled: "true" }, schema)).toEqual([
      "policy.integrationEnabled: must be a boolean",
    ]);
    expect(schemaProblems({ ...main, authMode: "OAuth" }, schema)).toEqual([
      "policy.authMode: must be one of oauth, clientCredentials, apiKey",
    ]);
    expect(schemaProblems({ ...main, hellohireHostPatterns: "https://events.example.org/*" }, schema)).toEqual([
      "policy.hellohireHostPatterns: must be an array",
    ]);
    expect(schemaProblems({ selectorOverrides: { selectors: { candidateName: 1 } } }, schema)).toEqual([
      "policy.selectorOverrides.selectors.candidateName: must be a string",
    ]);
  });

  it("a job mapping to something that is not a job ID, or a source without its IDs, is refused", () => {
    expect(schemaProblems({ jobByInterview: { CSR: "job 42" } }, schema)).toEqual([
      "policy.jobByInterview.CSR: must match ^[A-Za-z0-9_-]{1,100}$",
    ]);
    expect(schemaProblems({ jobByInterview: { CSR: 42 } }, schema)).toEqual(["policy.jobByInterview.CSR: must be a string"]);
    expect(schemaProblems({ candidateSource: { sourceTypeId: "EVENT" } }, schema)).toEqual([
      "policy.candidateSource: must have sourceId",
    ]);
    expect(schemaProblems({ candidateSource: { sourceTypeId: "EVENT", sourceId: "x", source: "y" } }, schema)).toEqual([
      "policy.candidateSource.source: not in the schema",
    ]);
    expect(kept({ jobByInterview: { CSR: "job 42" } }).problems[0]).toMatch(/^jobByInterview must map/u);
    expect(kept({ candidateSource: { sourceTypeId: "EVENT" } }).problems[0]).toMatch(/^candidateSource must be/u);
  });

  it("a schema attribute Chrome does not know would stop the extension loading: it is caught", () => {
    expect(chromeSchemaProblems({ type: "object", properties: { a: { type: "string", maxLength: 100 } } })).toEqual([
      "schema.a: Chrome does not accept the attribute maxLength on a string",
    ]);
    expect(chromeSchemaProblems({ type: "object", additionalProperties: false })).toEqual([
      "schema.additionalProperties: must be an object",
    ]);
    expect(chromeSchemaProblems({ type: "object", properties: {}, required: ["a"] })).toEqual([
      "schema: required names a, not one of its properties",
    ]);
  });

  it("a value of the right type that the extension cannot use is a problem", () => {
    expect(kept({ ...main, tokenUrl: "http://sr-token.example.org/token" }).problems).toEqual([
      "tokenUrl must be an https:// address",
    ]);
  });

  it("reads registry strings, escapes, DWORD booleans and JSON strings as Chrome does", () => {
    const key = "HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\abc\\policy";
    const reg = parseReg(
      [
        "Windows Registry Editor Version 5.00",
        "; comment",
        `[${key}]`,
        '"integrationEnabled"=dword:00000000',
        '"clientId"="a \\"quoted\\" \\\\ id"',
        '"selectorOverrides"="{\\"selectors\\":{\\"candidateName\\":\\"h2\\"}}"',
        '"hellohireHostPatterns"="[\\"https://a.example.org/*\\"]"',
        '"integrationCount"=dword:00000002',
      ].join("\r\n"),
    );
    expect(decodeRegistryPolicy(regKey(reg, key.toUpperCase()) ?? new Map(), schema.properties)).toEqual({
      integrationEnabled: false,
      clientId: 'a "quoted" \\ id',
      selectorOverrides: { selectors: { candidateName: "h2" } },
      hellohireHostPatterns: ["https://a.example.org/*"],
      integrationCount: 2,
    });
    expect(() => parseReg('REGEDIT4\r\n[HKEY_CURRENT_USER\\x]\r\n"a"="b"')).toThrow(/must start with/u);
    expect(() => parseReg(`Windows Registry Editor Version 5.00\n[${key}]\n"a"=hex:01`)).toThrow(/unsupported value data/u);
  });

  it("reads plists, and refuses what it does not understand", () => {
    expect(
      parsePlist(
        '<?xml version="1.0"?><plist version="1.0"><dict><key>a&amp;b</key><array><true/><false/><integer>3</integer>' +
          "<string>x &lt; y</string><dict/></array></dict></plist>",
      ),
    ).toEqual({ "a&b": [true, false, 3, "x < y", {}] });
    expect(() => parsePlist("<plist><dict><key>a</key><real>1.5</real></dict></plist>")).toThrow(/unsupported <real>/u);
    expect(() => parsePlist("<plist><dict><string>a</string></dict></plist>")).toThrow(/expected <key>/u);
  });

  it("the Admin console form must wrap every value in {Value}", () => {
    expect(unwrapAdminConsole({ authMode: { Value: "oauth" } })).toEqual({ authMode: "oauth" });
    expect(() => unwrapAdminConsole({ authMode: "oauth" })).toThrow(/authMode must be/u);
  });
});

describe("docs/admin.md", () => {
  const guide = read("docs/admin.md");
  /** Rows of the policy-key table: | `key` | type | default | `example` | effect |. */
  const rows = new Map(
    [...guide.matchAll(/^\| `([A-Za-z]+)` +\|([^|]*)\|([^|]*)\| `([^`]+)` +\|([^|]+)\|$/gmu)].map((m) => [
      m[1] as string,
      { type: (m[2] ?? "").trim(), example: m[4] as string, effect: (m[5] ?? "").trim() },
    ]),
  );

  it("has a table row for every schema key, and no other", () => {
    expect([...rows.keys()].sort()).toEqual([...schemaKeys].sort());
  });

  it.each(schemaKeys)("the row of %s gives the schema's type, a valid example and its effect", (key) => {
    const row = rows.get(key);
    expect(row).toBeDefined();
    if (!row) return;
    const type = schema.properties[key]?.type as string;
    expect(row.type.toLowerCase()).toContain(type === "array" ? "list" : type === "object" ? "object" : type);
    const example = JSON.parse(row.example) as unknown;
    expect(schemaProblems({ [key]: example }, schema)).toEqual([]);
    expect(kept({ [key]: example }).problems).toEqual([]);
    if (key === "selectorOverrides") expect(applyMarkupOverride(example).ok).toBe(true);
    expect(row.effect.length).toBeGreaterThan(20);
  });

  it("mentions every schema key by name in backticks", () => {
    for (const key of schemaKeys) expect(guide).toContain(`\`${key}\``);
  });

  it("links every file in docs/policy/, and every relative link resolves", () => {
    for (const file of readdirSync(policyDir)) expect(guide).toContain(`](policy/${file})`);
    const links = [...guide.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/gu)]
      .map((m) => m[1] as string)
      .filter((l) => !/^[a-z]+:/u.test(l));
    for (const link of links) expect(() => readFileSync(join(root, "docs", link))).not.toThrow();
  });

  it("gives the example extension ID once, the Firefox ID, and store ID placeholders", () => {
    expect(guide.split(devExtensionId).length - 1).toBe(1);
    expect(guide).toContain(firefoxId);
    expect(guide).toContain("<store extension id>");
  });

  it("names every selector and pattern an admin can override", () => {
    for (const name of [...selectorNames, ...patternNames]) expect(guide).toContain(`\`${name}\``);
  });
});

describe("public/managed_schema.json", () => {
  it.each(schemaKeys)("%s has a title and a description", (key) => {
    const property = schema.properties[key];
    expect(property?.title?.trim()).toBeTruthy();
    expect(property?.description?.trim()).toBeTruthy();
  });

  it("uses only what Chrome's policy schema accepts", () => {
    expect(chromeSchemaProblems(schema)).toEqual([]);
  });

  it("is an object schema without additionalProperties at the top (Chrome requires it)", () => {
    expect(schema.type).toBe("object");
    expect(schema).not.toHaveProperty("additionalProperties");
  });
});
