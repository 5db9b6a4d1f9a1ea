/** SmartRecruiters' production addresses; every one is configurable at run time. */
export const defaultApiBaseUrl = "https://api.smartrecruiters.com";
export const defaultProfileUrlTemplate = "https://www.smartrecruiters.com/app/people/candidates/{id}";

/** Hosts the background may call: the API and the OAuth endpoints. */
export const smartRecruitersHostPatterns = ["https://api.smartrecruiters.com/*", "https://www.smartrecruiters.com/*"] as const;
