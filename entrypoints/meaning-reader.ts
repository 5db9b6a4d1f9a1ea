import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { readByMeaning } from "../lib/hellohire/read-by-meaning";

/**
 * Injected by the background into a frame whose page the markup table cannot read (lib/content/meaning-reader-slot.ts):
 * the reader by meaning stays out of the content script that every Hellohire page loads.
 */
export default defineUnlistedScript(() => {
  globalThis.srhReadByMeaning = readByMeaning;
});
