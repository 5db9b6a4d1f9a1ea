import { defineContentScript } from "wxt/utils/define-content-script";
import { runContentScript } from "../../lib/content/content-main";
import { contentExtensionApi } from "../../lib/content/extension-api";
import { hellohireHostPatterns } from "../../lib/hellohire/hosts";

export default defineContentScript({
  matches: [...hellohireHostPatterns],
  runAt: "document_idle",
  main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    runContentScript(contentExtensionApi(), document, lifetime.signal);
  },
});
