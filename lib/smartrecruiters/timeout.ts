/** Every call to SmartRecruiters (API and token endpoint) gives up after this long: a hung call becomes a retry. */
export const callTimeoutMs = 30_000;
