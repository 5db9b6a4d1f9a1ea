/** Where Hellohire's interviewer pages are served (see ../shared/reference/hellohire.md). */
export const hellohireHostPatterns = [
  "https://www.tryhellohire.com/*",
  "https://app.tryhellohire.com/*",
  "https://www.hellohireapp.com/*",
  "https://app.hellohireapp.com/*",
] as const;
