import type { Rating } from "../sync/rating-tag";

/** The manifest's commands (see lib/manifest/manifest.ts ratingCommands) and the rating each gives. */
const commandRatings: Record<string, Rating> = { "rate-yes": "yes", "rate-maybe": "maybe", "rate-no": "no" };

export function ratingForCommand(command: string): Rating | null {
  return Object.hasOwn(commandRatings, command) ? (commandRatings[command] ?? null) : null;
}
