import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { contentExtensionApi } from "../lib/content/extension-api";
import { runSetup } from "../lib/content/run-setup";

/** Injected by the background (scripting.executeScript) when the interviewer starts "Set up this page". */
export default defineUnlistedScript(() => {
  runSetup(document, contentExtensionApi().runtime.sendMessage);
});
