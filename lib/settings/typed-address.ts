import { type MessageKey, t } from "../i18n/messages";
import { parseTypedEndpoint } from "./addresses";
import type { Endpoints } from "./settings";

/** The side panel's labels of the addresses (Advanced), to name one in an error. */
export const endpointLabels: Record<keyof Endpoints, MessageKey> = {
  apiBaseUrl: "endpointApiBaseUrl",
  profileUrlTemplate: "endpointProfileUrlTemplate",
  authorizeUrl: "endpointAuthorizeUrl",
  tokenUrl: "endpointTokenUrl",
  clientId: "endpointClientId",
};

export type TypedValue = { ok: true; value: string } | { ok: false; message: string };

/**
 * What the interviewer typed in one "Advanced" field, checked (lib/settings/addresses.ts says which
 * addresses may be typed): the normalised value, or why it is refused, in the interviewer's language.
 */
export function checkTypedValue(key: keyof Endpoints, typed: string): TypedValue {
  const value = typed.trim();
  if (key === "clientId") return { ok: true, value };
  const address = parseTypedEndpoint(key, value);
  if (address.ok) return { ok: true, value: address.url };
  if (address.problem === "not-smartrecruiters")
    return { ok: false, message: t("errAddressNotSmartRecruiters", t(endpointLabels[key])) };
  return {
    ok: false,
    message: key === "profileUrlTemplate" ? t("errProfileAddress") : t("errAddressNotHttps", t(endpointLabels[key])),
  };
}
