import { ALL_SCOPES } from "./credentials";
import { isRecord } from "./http";
import type { SandboxModes, Scope } from "./types";

/** The reference's behaviour: every lenient alternative is a mode that is off here. */
export const DEFAULT_MODES: Readonly<Omit<SandboxModes, "withholdScopes"> & { withholdScopes: readonly Scope[] }> = Object.freeze(
  {
    noApiAccess: false,
    searchTalentPool: false,
    offsetPaging: false,
    createExisting: "conflict",
    tagPost: "idempotent",
    putEmptyTags: "refused",
    pkceOnly: false,
    withholdScopes: Object.freeze([]),
    authorizePage: "auto",
    rateLimits: true,
    accessTokenTtlSeconds: 1800,
    usersMe: "ok",
  },
);

/** A fresh, mutable copy of the defaults. */
export function defaultModes(): SandboxModes {
  return { ...DEFAULT_MODES, withholdScopes: [] };
}

const MAX_TTL_SECONDS = 28 * 24 * 3600;

export type ModesPatch = { ok: true; patch: Partial<SandboxModes> } | { ok: false; message: string };

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}

function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (ALL_SCOPES as readonly string[]).includes(value);
}

/** Validates a body of POST /__control/modes (any subset of the modes). */
export function parseModesPatch(value: unknown): ModesPatch {
  if (!isRecord(value)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const patch: Partial<SandboxModes> = {};
  for (const [key, field] of Object.entries(value)) {
    switch (key) {
      case "noApiAccess":
        if (field === true || field === 403) {
          patch.noApiAccess = 403;
        } else if (field === false || field === 401) {
          patch.noApiAccess = field;
        } else {
          return { ok: false, message: "noApiAccess must be false, 401 or 403 (true means 403)" };
        }
        break;
      case "searchTalentPool":
      case "offsetPaging":
      case "pkceOnly":
      case "rateLimits":
        if (typeof field !== "boolean") {
          return { ok: false, message: `${key} must be a boolean` };
        }
        patch[key] = field;
        break;
      case "createExisting":
        if (!oneOf(field, ["conflict", "conflict-with-id", "duplicate"] as const)) {
          return { ok: false, message: 'createExisting must be "conflict", "conflict-with-id" or "duplicate"' };
        }
        patch.createExisting = field;
        break;
      case "tagPost":
        if (!oneOf(field, ["idempotent", "duplicate"] as const)) {
          return { ok: false, message: 'tagPost must be "idempotent" or "duplicate"' };
        }
        patch.tagPost = field;
        break;
      case "putEmptyTags":
        if (!oneOf(field, ["refused", "accepted"] as const)) {
          return { ok: false, message: 'putEmptyTags must be "refused" or "accepted"' };
        }
        patch.putEmptyTags = field;
        break;
      case "withholdScopes":
        if (!Array.isArray(field) || !field.every(isScope)) {
          return { ok: false, message: `withholdScopes must be an array of scopes (${ALL_SCOPES.join(", ")})` };
        }
        patch.withholdScopes = [...new Set(field.filter(isScope))];
        break;
      case "authorizePage":
        if (!oneOf(field, ["auto", "click"] as const)) {
          return { ok: false, message: 'authorizePage must be "auto" or "click"' };
        }
        patch.authorizePage = field;
        break;
      case "usersMe":
        if (!oneOf(field, ["ok", "forbidden"] as const)) {
          return { ok: false, message: 'usersMe must be "ok" or "forbidden"' };
        }
        patch.usersMe = field;
        break;
      case "accessTokenTtlSeconds":
        if (typeof field !== "number" || !Number.isFinite(field) || field < 0 || field > MAX_TTL_SECONDS) {
          return { ok: false, message: `accessTokenTtlSeconds must be a number from 0 to ${MAX_TTL_SECONDS}` };
        }
        patch.accessTokenTtlSeconds = field;
        break;
      default:
        return { ok: false, message: `Unknown mode: ${key}` };
    }
  }
  return { ok: true, patch };
}
