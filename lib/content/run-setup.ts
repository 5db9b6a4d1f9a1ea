import { deriveOverride } from "../hellohire/derive-selector";
import { type ContentRequestType, type SendMessage, type SetupStep, setupSteps } from "../messaging/protocol";
import { startSetupPicker } from "./setup-picker";

declare global {
  /** A set-up picker runs in this page: in the extension's isolated world (a page element cannot fake it). */
  var srhSetupRunning: boolean | undefined;
}

/**
 * "Set up this page", injected in the tab when the interviewer asks from the side panel: runs the picker,
 * tells the background each step (the side panel follows), and sends the selectors derived from the
 * clicks, which the background saves as the interviewer's own override for this site.
 */
export function runSetup(document: Document, send: SendMessage<ContentRequestType>): void {
  // A second injection while one runs does nothing.
  if (globalThis.srhSetupRunning === true) return;
  globalThis.srhSetupRunning = true;
  const quietly = (promise: Promise<unknown>) => promise.catch(() => undefined);
  const controller = new AbortController();
  controller.signal.addEventListener("abort", () => {
    globalThis.srhSetupRunning = false;
  });
  const progress = (step: SetupStep | "cancelled") => quietly(send({ type: "setupProgress", step }));
  startSetupPicker({
    document,
    signal: controller.signal,
    onStep(step) {
      const next = setupSteps[setupSteps.indexOf(step) + 1];
      if (next) progress(next);
    },
    onBack(step) {
      progress(step);
    },
    onDone(picks) {
      const derived = deriveOverride(picks);
      if (derived.ok) quietly(send({ type: "setupPicked", selectors: derived.override.selectors }));
      else progress("cancelled");
      controller.abort();
    },
    onCancel() {
      progress("cancelled");
      controller.abort();
    },
  });
}
