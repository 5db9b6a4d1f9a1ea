import { defineContentScript } from "wxt/utils/define-content-script";
import { runContentScript } from "../../lib/content/content-main";
import { contentExtensionApi } from "../../lib/content/extension-api";
import { startScriptLifetime } from "../../lib/content/script-lifetime";
import { hellohireHostPatterns } from "../../lib/hellohire/markup";

export default defineContentScript({
  matches: [...hellohireHostPatterns],
  runAt: "document_idle",
  // WXT's context is not used (lib/content/script-lifetime.ts says why): the script's own lifetime ends it.
  main() {
    const api = contentExtensionApi();
    const lifetime = startScriptLifetime("content", api.runtime);
    runContentScript(api, document, lifetime.signal, lifetime.isAlive);
  },
});
