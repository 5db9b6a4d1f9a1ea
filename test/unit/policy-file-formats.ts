/**
 * Minimal readers for the policy file formats in docs/policy/, for admin-policy-files.test.ts:
 * Windows .reg exports, macOS configuration profiles (XML plists), the Google Admin console's
 * "Policy for extensions" JSON, and the managed-schema check Chrome applies. Strict on purpose:
 * anything they do not understand is an error, never silently skipped.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---- Windows .reg (regedit "Version 5.00" export format) ----

export type RegValue = { type: "sz"; value: string } | { type: "dword"; value: number };

export interface RegFile {
  /** Key path (as written) → value name → value. Keys created after a deletion line are fresh. */
  keys: Map<string, Map<string, RegValue>>;
  /** Key paths deleted with a `[-path]` line, in file order. */
  deleted: string[];
}

const regHeader = "Windows Registry Editor Version 5.00";

function unescapeRegString(body: string, lineNumber: number): string {
  return body.replace(/\\(.)/gu, (_match, char: string) => {
    if (char === "\\" || char === '"') return char;
    throw new Error(`line ${lineNumber}: unsupported escape \\${char}`);
  });
}

/** Parses a .reg file: `[key]`, `[-key]`, `"name"="string"`, `"name"=dword:xxxxxxxx`, `"name"=-`, `;` comments. */
export function parseReg(text: string): RegFile {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r?\n/u);
  const firstLine = lines.findIndex((line) => line.trim() !== "");
  if (lines[firstLine]?.trim() !== regHeader) throw new Error(`a .reg file must start with "${regHeader}"`);
  const keys = new Map<string, Map<string, RegValue>>();
  const deleted: string[] = [];
  let current: Map<string, RegValue> | null = null;
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (index <= firstLine || line === "" || line.startsWith(";")) return;
    const keyLine = /^\[(-?)([^\]]+)\]$/u.exec(line);
    if (keyLine) {
      const [, minus, path = ""] = keyLine;
      if (minus) {
        deleted.push(path);
        for (const existing of [...keys.keys()])
          if (sameRegPath(existing, path) || existing.toLowerCase().startsWith(`${path.toLowerCase()}\\`)) keys.delete(existing);
        current = null;
      } else {
        const existing = [...keys.keys()].find((k) => sameRegPath(k, path));
        current = existing ? (keys.get(existing) ?? null) : new Map();
        if (!existing) keys.set(path, current as Map<string, RegValue>);
      }
      return;
    }
    const valueLine = /^(?:"((?:[^"\\]|\\.)*)"|@)=(.*)$/u.exec(line);
    if (!valueLine) throw new Error(`line ${lineNumber}: not a key, value or comment: ${line}`);
    if (!current) throw new Error(`line ${lineNumber}: a value outside any key`);
    const name = valueLine[1] === undefined ? "" : unescapeRegString(valueLine[1], lineNumber);
    const data = valueLine[2] ?? "";
    if ([...current.keys()].some((n) => n.toLowerCase() === name.toLowerCase()))
      throw new Error(`line ${lineNumber}: value "${name}" set twice`);
    const text = /^"((?:[^"\\]|\\.)*)"$/u.exec(data);
    const dword = /^dword:([0-9a-fA-F]{8})$/u.exec(data);
    if (text) current.set(name, { type: "sz", value: unescapeRegString(text[1] ?? "", lineNumber) });
    else if (dword) current.set(name, { type: "dword", value: Number.parseInt(dword[1] ?? "", 16) });
    else if (data === "-") current.delete(name);
    else throw new Error(`line ${lineNumber}: unsupported value data: ${data}`);
  });
  return { keys, deleted };
}

/** Registry paths are case-insensitive. */
export function sameRegPath(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function regKey(file: RegFile, path: string): Map<string, RegValue> | undefined {
  const found = [...file.keys.keys()].find((k) => sameRegPath(k, path));
  return found === undefined ? undefined : file.keys.get(found);
}

/**
 * What Chrome makes of a 3rdparty registry policy key, given the extension's schema: DWORD 0/1 for a
 * boolean, REG_SZ for a string, and for lists and dictionaries a REG_SZ holding JSON. Values that
 * do not fit their schema type (or have none) are returned as stored, for the schema check to refuse.
 */
export function decodeRegistryPolicy(
  values: Map<string, RegValue>,
  properties: Record<string, { type?: string }>,
): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [name, stored] of values) {
    const type = Object.hasOwn(properties, name) ? properties[name]?.type : undefined;
    if (type === "boolean" && stored.type === "dword" && (stored.value === 0 || stored.value === 1))
      decoded[name] = stored.value === 1;
    else if ((type === "array" || type === "object") && stored.type === "sz") decoded[name] = JSON.parse(stored.value);
    else decoded[name] = stored.value;
  }
  return decoded;
}

// ---- XML property lists (.mobileconfig) ----

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/gu, (match, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const decoded = entities[entity];
    if (decoded === undefined) throw new Error(`unknown XML entity ${match}`);
    return decoded;
  });
}

type Token = { kind: "open" | "close" | "empty"; name: string } | { kind: "text"; text: string };

function tokenizePlist(xml: string): Token[] {
  const body = xml
    .replace(/^\uFEFF/u, "")
    .replace(/<\?xml[^>]*\?>/gu, "")
    .replace(/<!DOCTYPE[^>]*>/gu, "")
    .replace(/<!--[\s\S]*?-->/gu, "");
  const tokens: Token[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z]+)(\s[^>]*?)?(\/?)>|([^<]+)/gu)) {
    const [, slash, name, , selfClosing, text] = match;
    if (text !== undefined) {
      if (text.trim() !== "") tokens.push({ kind: "text", text });
      else tokens.push({ kind: "text", text: "" });
    } else if (name) tokens.push({ kind: selfClosing ? "empty" : slash ? "close" : "open", name });
  }
  if (body.replace(/<[^>]*>|[^<]+/gu, "") !== "") throw new Error("malformed XML");
  return tokens;
}

/** Parses an XML plist: dict, array, key, string, integer, true, false (what a configuration profile needs). */
export function parsePlist(xml: string): Json {
  const tokens = tokenizePlist(xml).filter((t) => !(t.kind === "text" && t.text === ""));
  let position = 0;
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new Error("unexpected end of plist");
    return token;
  };
  const expectClose = (name: string) => {
    const token = next();
    if (token.kind !== "close" || token.name !== name) throw new Error(`expected </${name}>`);
  };
  const textUntilClose = (name: string): string => {
    const token = next();
    if (token.kind === "close" && token.name === name) return "";
    if (token.kind !== "text") throw new Error(`expected text in <${name}>`);
    expectClose(name);
    return decodeXmlText(token.text);
  };
  const value = (token: Token): Json => {
    if (token.kind === "text" || token.kind === "close") throw new Error("expected a plist value");
    if (token.kind === "empty") {
      if (token.name === "true") return true;
      if (token.name === "false") return false;
      if (token.name === "string") return "";
      if (token.name === "array") return [];
      if (token.name === "dict") return {};
      throw new Error(`unsupported <${token.name}/>`);
    }
    switch (token.name) {
      case "string":
        return textUntilClose("string");
      case "integer": {
        const text = textUntilClose("integer").trim();
        if (!/^-?[0-9]+$/u.test(text)) throw new Error(`not an integer: ${text}`);
        return Number.parseInt(text, 10);
      }
      case "array": {
        const items: Json[] = [];
        for (let t = next(); !(t.kind === "close" && t.name === "array"); t = next()) items.push(value(t));
        return items;
      }
      case "dict": {
        const dict: Record<string, Json> = {};
        for (let t = next(); !(t.kind === "close" && t.name === "dict"); t = next()) {
          if (t.kind !== "open" || t.name !== "key") throw new Error("expected <key> in <dict>");
          const key = textUntilClose("key");
          if (Object.hasOwn(dict, key)) throw new Error(`key ${key} twice in one <dict>`);
          dict[key] = value(next());
        }
        return dict;
      }
      default:
        throw new Error(`unsupported <${token.name}>`);
    }
  };
  const root = next();
  if (root.kind !== "open" || root.name !== "plist") throw new Error("expected <plist>");
  const result = value(next());
  expectClose("plist");
  if (position !== tokens.length) throw new Error("content after </plist>");
  return result;
}

// ---- Google Admin console "Policy for extensions" ----

/** Unwraps `{"key": {"Value": x}}` to `{"key": x}`; anything else is an error. */
export function unwrapAdminConsole(json: unknown): Record<string, unknown> {
  if (!isObject(json)) throw new Error("Admin console policy must be a JSON object");
  const values: Record<string, unknown> = {};
  for (const [key, wrapped] of Object.entries(json)) {
    if (!isObject(wrapped) || Object.keys(wrapped).length !== 1 || !Object.hasOwn(wrapped, "Value"))
      throw new Error(`${key} must be {"Value": ...}`);
    values[key] = wrapped.Value;
  }
  return values;
}

// ---- The managed-storage schema (the subset public/managed_schema.json uses) ----

export interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  /** A regular expression a string must match (Chrome: RE2, searched anywhere unless anchored). */
  pattern?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  /** Properties an object must have. */
  required?: string[];
}

/** The attributes Chrome's policy schema parser accepts per type (components/policy/core/common/schema.cc): any other fails the extension's load. */
const chromeAttributes: Record<string, readonly string[]> = {
  array: ["description", "id", "items", "sensitiveValue", "title", "type"],
  boolean: ["description", "id", "sensitiveValue", "title", "type"],
  integer: ["description", "enum", "id", "maximum", "minimum", "sensitiveValue", "title", "type"],
  number: ["description", "id", "sensitiveValue", "title", "type"],
  object: [
    "additionalProperties",
    "description",
    "id",
    "patternProperties",
    "properties",
    "required",
    "sensitiveValue",
    "title",
    "type",
  ],
  string: ["description", "enum", "id", "pattern", "sensitiveValue", "title", "type"],
};

/** Why Chrome would refuse this schema (and with it the extension), by path: unknown types or attributes, required properties not declared. */
export function chromeSchemaProblems(schema: unknown, path = "schema"): string[] {
  if (!isObject(schema)) return [`${path}: must be an object`];
  const type = typeof schema.type === "string" ? schema.type : "";
  const allowed = chromeAttributes[type];
  if (!allowed) return [`${path}: unknown type ${String(schema.type)}`];
  const problems = Object.keys(schema)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${path}: Chrome does not accept the attribute ${key} on a ${type}`);
  if (schema.items !== undefined) problems.push(...chromeSchemaProblems(schema.items, `${path}.items`));
  if (schema.additionalProperties !== undefined)
    problems.push(...chromeSchemaProblems(schema.additionalProperties, `${path}.additionalProperties`));
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [key, property] of Object.entries(properties)) problems.push(...chromeSchemaProblems(property, `${path}.${key}`));
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required)) problems.push(`${path}: required must be a list`);
    else
      for (const name of schema.required)
        if (typeof name !== "string" || !Object.hasOwn(properties, name))
          problems.push(`${path}: required names ${String(name)}, not one of its properties`);
  }
  return problems;
}

/** Every way `value` does not fit `schema`, by path. Unknown object properties are refused. */
export function schemaProblems(value: unknown, schema: SchemaNode, path = "policy"): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${path}: ${message}`);
  switch (schema.type) {
    case "boolean":
      if (typeof value !== "boolean") fail("must be a boolean");
      break;
    case "string":
      if (typeof value !== "string") fail("must be a string");
      else if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail(`must match ${schema.pattern}`);
      break;
    case "integer":
      if (!Number.isInteger(value)) fail("must be an integer");
      break;
    case "number":
      if (typeof value !== "number") fail("must be a number");
      break;
    case "array":
      if (!Array.isArray(value)) fail("must be an array");
      else if (schema.items) {
        const items = schema.items;
        value.forEach((item, i) => {
          problems.push(...schemaProblems(item, items, `${path}[${i}]`));
        });
      }
      break;
    case "object":
      if (!isObject(value)) fail("must be an object");
      else {
        for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) fail(`must have ${name}`);
        for (const [key, item] of Object.entries(value)) {
          const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
          const additional = typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
          const itemSchema = property ?? additional;
          if (itemSchema) problems.push(...schemaProblems(item, itemSchema, `${path}.${key}`));
          else problems.push(`${path}.${key}: not in the schema`);
        }
      }
      break;
    default:
      fail(`schema type ${String(schema.type)} is not handled`);
  }
  if (schema.enum && !schema.enum.includes(value)) fail(`must be one of ${schema.enum.map(String).join(", ")}`);
  return problems;
}
