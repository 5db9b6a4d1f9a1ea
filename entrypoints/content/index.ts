import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import { startInterviewPage } from "../../lib/content/interview-page";
import { hellohireHostPatterns } from "../../lib/hellohire/hosts";
import { integrationEnabled } from "../../lib/settings/settings";

export default defineContentScript({
  matches: [...hellohireHostPatterns],
  runAt: "document_idle",
  async main(ctx) {
    let page: AbortController | null = null;
    const apply = (enabled: boolean) => {
      if (enabled && !page) {
        page = new AbortController();
        startInterviewPage({ document, send: (request) => browser.runtime.sendMessage(request), signal: page.signal });
      } else if (!enabled && page) {
        page.abort();
        page = null;
      }
    };
    ctx.onInvalidated(() => apply(false));
    apply(await integrationEnabled.getValue());
    const unwatch = integrationEnabled.watch((enabled) => apply(enabled));
    ctx.onInvalidated(unwatch);
  },
});
