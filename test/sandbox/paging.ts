import type { RequestContext } from "./context";
import { errorReply, jsonReply, type Reply } from "./reply";

/**
 * Paging as SmartRecruiters documents it: `limit` 1-100 (default 10), `pageId` taken from the previous
 * page's `nextPageId` (also sent as `Link: <...>; rel="next"`). `offset` is ignored unless the
 * sandbox's `offsetPaging` mode is on, which also reports `offset` in the body.
 */

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

export type PageRequest = { ok: true; limit: number; start: number } | { ok: false; reply: Reply };

function parseCount(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === "") {
    return fallback;
  }
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

export function encodePageId(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

export function decodePageId(pageId: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(pageId, "base64url").toString("utf8"));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function readPage(ctx: RequestContext): PageRequest {
  const params = ctx.url.searchParams;
  const limit = parseCount(params.get("limit"), DEFAULT_LIMIT);
  if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
    return { ok: false, reply: errorReply(400, "INVALID_PARAMETER", `limit must be an integer from 1 to ${MAX_LIMIT}`) };
  }
  const pageId = params.get("pageId");
  if (pageId !== null && pageId !== "") {
    const start = decodePageId(pageId);
    if (start === undefined) {
      return { ok: false, reply: errorReply(400, "INVALID_PARAMETER", "pageId must be a nextPageId of this search") };
    }
    return { ok: true, limit, start };
  }
  if (!ctx.state.modes.offsetPaging) {
    return { ok: true, limit, start: 0 };
  }
  const offset = parseCount(params.get("offset"), 0);
  if (offset === undefined) {
    return { ok: false, reply: errorReply(400, "INVALID_PARAMETER", "offset must be a non-negative integer") };
  }
  return { ok: true, limit, start: offset };
}

/** The URL of the next page: this request's, with pageId set and offset dropped. */
function nextUrl(ctx: RequestContext, pageId: string): string {
  const params = new URLSearchParams(ctx.url.searchParams);
  params.delete("offset");
  params.set("pageId", pageId);
  return `${ctx.origin}${ctx.path}?${params.toString()}`;
}

/** 200 with `{limit, [offset], [nextPageId], totalFound, content}` and, when there is more, a Link header. */
export function pageReply<T>(
  ctx: RequestContext,
  found: readonly T[],
  page: { limit: number; start: number },
  item: (value: T) => unknown,
): Reply {
  const { limit, start } = page;
  const more = start + limit < found.length;
  const nextPageId = more ? encodePageId(start + limit) : undefined;
  return jsonReply(
    200,
    {
      limit,
      ...(ctx.state.modes.offsetPaging ? { offset: start } : {}),
      ...(nextPageId !== undefined ? { nextPageId } : {}),
      totalFound: found.length,
      content: found.slice(start, start + limit).map(item),
    },
    nextPageId !== undefined ? { Link: `<${nextUrl(ctx, nextPageId)}>; rel="next"` } : {},
  );
}
