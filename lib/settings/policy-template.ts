import type { Endpoints, UserSettings } from "./settings";

/**
 * A managed-policy file of the current settings, for an admin to start from (Linux / Chrome JSON
 * form; docs/admin.md has the other platforms). Never contains a secret: apiKey and clientSecret are
 * left for the admin to add.
 */
export function policyTemplate(input: {
  extensionId: string;
  settings: UserSettings;
  endpoints: Endpoints;
  authMode: "oauth" | "clientCredentials" | "apiKey";
}): string {
  const values: Record<string, unknown> = {
    integrationEnabled: input.settings.integrationEnabled,
    createAndUpdateCandidates: input.settings.createAndUpdateCandidates,
    authMode: input.authMode,
    ...input.endpoints,
  };
  if (!input.endpoints.clientId) delete values.clientId;
  return `${JSON.stringify({ "3rdparty": { extensions: { [input.extensionId]: values } } }, null, 2)}\n`;
}
