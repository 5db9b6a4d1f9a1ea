import { isRecord } from "./http";
import type { SandboxModes } from "./types";

export const DEFAULT_MODES: Readonly<SandboxModes> = Object.freeze({
  noApiAccess: false,
  searchTalentPool: true,
  createExisting: "conflict",
  tagPost: "idempotent",
  authorizePage: "auto",
  rateLimits: true,
  accessTokenTtlSeconds: 1800,
  usersMe: "ok",
});

const MAX_TTL_SECONDS = 28 * 24 * 3600;

export type ModesPatch = { ok: true; patch: Partial<SandboxModes> } | { ok: false; message: string };

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
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
      case "searchTalentPool":
      case "rateLimits":
        if (typeof field !== "boolean") {
          return { ok: false, message: `${key} must be a boolean` };
        }
        patch[key] = field;
        break;
      case "createExisting":
        if (!oneOf(field, ["conflict", "duplicate"] as const)) {
          return { ok: false, message: 'createExisting must be "conflict" or "duplicate"' };
        }
        patch.createExisting = field;
        break;
      case "tagPost":
        if (!oneOf(field, ["idempotent", "duplicate"] as const)) {
          return { ok: false, message: 'tagPost must be "idempotent" or "duplicate"' };
        }
        patch.tagPost = field;
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
