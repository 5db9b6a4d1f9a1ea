import { MatchPattern } from "wxt/utils/match-patterns";

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** The sending frame in its tab (0: the top frame). */
  frameId?: number;
}

export interface TrustedSenders {
  extensionId: string;
  /** e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** Pages our content script runs on (the manifest's content_scripts matches). */
  contentPagePatterns: string[];
}

export type SenderRole = "extension-page" | "content-script";

/** Who sent a message: one of our own pages, our content script on an allowed page, or nobody we answer. */
export function senderRole(sender: SenderInfo, trusted: TrustedSenders): SenderRole | null {
  if (sender.id !== trusted.extensionId || !sender.url) return null;
  if (sender.url.startsWith(trusted.extensionOrigin)) return "extension-page";
  if (!sender.tab) return null;
  const allowed = trusted.contentPagePatterns.some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(sender.url as string);
    } catch {
      return false;
    }
  });
  return allowed ? "content-script" : null;
}
