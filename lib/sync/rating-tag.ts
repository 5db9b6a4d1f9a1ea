export const ratings = ["yes", "maybe", "no"] as const;
export type Rating = (typeof ratings)[number];

export function isRating(value: unknown): value is Rating {
  return typeof value === "string" && (ratings as readonly string[]).includes(value);
}

function normalise(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}

/** The tag Hellohire's integration writes: `hellohire - {interview} - {rating}`, lower case. */
export function ratingTag(interviewName: string, rating: Rating): string {
  return `hellohire - ${normalise(interviewName)} - ${rating}`;
}
