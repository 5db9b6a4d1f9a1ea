import { deriveOverride } from "../hellohire/derive-selector";
import { type ContentRequestType, type SendMessage, type SetupStep, setupSteps } from "../messaging/protocol";
import { startSetupPicker } from "./setup-picker";

/** The picker's host element: a second injection while one runs does nothing. */
const pickerTag = "srh-setup-picker";

/**
 * "Set up this page", injected in the tab when the interviewer asks from the side panel: runs the picker,
 * tells the background each step (the side panel follows), and sends the selectors derived from the
 * clicks, which the background saves as the interviewer's own override for this site.
 */
export function runSetup(document: Document, send: SendMessage<ContentRequestType>): void {
  if (document.querySelector(pickerTag)) return;
  const quietly = (promise: Promise<unknown>) => promise.catch(() => undefined);
  const controller = new AbortController();
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
