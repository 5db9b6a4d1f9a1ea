/**
 * The stored items whose change can change the connection the side panel shows (sign-in, problem, policy, addresses):
 * the panel reads the connection again, and the background re-points the panel's page (panel-page-keeper.ts).
 */
export const connectionKeys = ["auth.credential", "auth.refresh", "auth.problem", "policy.cache", "settings.endpoints"];
