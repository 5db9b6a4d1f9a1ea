import { defineContentScript } from "wxt/utils/define-content-script";
import { runContentScript } from "../../lib/content/content-main";
import { contentExtensionApi } from "../../lib/content/extension-api";
import { hellohireHostPatterns } from "../../lib/hellohire/markup";

export default defineContentScript({
  matches: [...hellohireHostPatterns],
  runAt: "document_idle",
  main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    // Reading ctx.isValid notices a reloaded or removed extension and fires onInvalidated: on every
    // page change we react to, and once a second for a page that stays still.
    ctx.setInterval(() => undefined, 1000);
    runContentScript(contentExtensionApi(), document, lifetime.signal, () => ctx.isValid);
  },
});
