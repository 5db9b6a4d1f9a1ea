import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { redactedStructure } from "../lib/content/page-structure";
import { widgetHostTag } from "../lib/content/widget-host";

/**
 * Injected by the background into a Hellohire tab when the side panel asks for "Copy page structure": the page's
 * element structure, redacted (lib/content/page-structure.ts), without our widget. Its answer is this script's
 * result. It stays out of the content script that every Hellohire page loads.
 */
export default defineUnlistedScript(() =>
  redactedStructure(document.documentElement, { skip: (element) => element.localName === widgetHostTag }),
);
