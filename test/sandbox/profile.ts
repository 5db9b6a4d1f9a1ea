import type { RequestContext } from "./context";
import { sendHtml } from "./http";
import { notFoundPage, profilePage } from "./pages";

const PROFILE_PATH = /^\/app\/people\/candidates\/([^/]+)\/?$/;

/** GET /app/people/candidates/{id}: the fake SmartRecruiters profile page (no auth). */
export function handleProfile(ctx: RequestContext): void {
  const match = PROFILE_PATH.exec(ctx.path);
  if (ctx.method !== "GET" || match?.[1] === undefined) {
    sendHtml(ctx.res, 404, notFoundPage("No such page"));
    return;
  }
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    sendHtml(ctx.res, 404, notFoundPage("No such page"));
    return;
  }
  const candidate = ctx.state.candidates.get(id);
  if (candidate === undefined) {
    sendHtml(ctx.res, 404, notFoundPage(`Candidate not found: ${id}`));
    return;
  }
  sendHtml(ctx.res, 200, profilePage(candidate));
}
