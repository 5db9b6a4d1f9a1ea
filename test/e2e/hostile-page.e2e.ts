import { beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { seedCandidates } from "../shared/people";
import type { Environment } from "./environment";
import { extensionId } from "./extension";
import { openAnnAlone, useEnvironment } from "./widget";

const annId = seedCandidates[0]?.id as string;
let env: Environment;

interface Attempts {
  runtimeVisible: boolean;
  sendMessageError: string | null;
  textLength: number;
  foundKey: boolean;
  syntheticClicks: number;
}

describe("a hostile script on the Hellohire page", () => {
  const environment = useEnvironment();
  beforeEach(() => {
    env = environment();
  });

  it("cannot reach the background, read a credential, or make a write", async () => {
    const page = await openAnnAlone(env);
    await env.control.clearRequests();

    // page.evaluate runs in the page's own world: exactly what a script of the page can do.
    const attempts: Attempts = await page.evaluate(
      async ({ id, key, candidateId }) => {
        type Runtime = { sendMessage?: (id: string, message: unknown) => Promise<unknown> };
        const runtime = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime;
        let sendMessageError: string | null = null;
        try {
          await runtime?.sendMessage?.(id, { type: "rate", interviewName: "CSR", candidateId, rating: "yes" });
        } catch (error) {
          sendMessageError = String(error);
        }
        // Messages and events a content script might be fooled into relaying.
        for (const type of ["rate", "connectOAuth", "getStatus", "disconnect"])
          window.postMessage({ type, interviewName: "CSR", candidateId, rating: "yes", endpoints: {} }, "*");
        document.dispatchEvent(new CustomEvent("srh-rate", { detail: { candidateId, rating: "yes" } }));
        // Clicks a script makes on our buttons (the widget's shadow root is open, so it can find them).
        const shadow = document.querySelector("srh-interview-widget")?.shadowRoot;
        const buttons = [...(shadow?.querySelectorAll("button") ?? [])];
        for (const button of buttons) {
          button.click();
          button.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
          button.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
        }
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const everything = [
          document.documentElement.outerHTML,
          shadow?.innerHTML ?? "",
          JSON.stringify({ ...localStorage }),
          JSON.stringify({ ...sessionStorage }),
          document.cookie,
        ].join("\n");
        return {
          runtimeVisible: typeof runtime?.sendMessage === "function",
          sendMessageError,
          textLength: everything.length,
          foundKey: everything.includes(key),
          syntheticClicks: buttons.length,
        };
      },
      { id: extensionId, key: SANDBOX_API_KEY, candidateId: annId },
    );

    // No externally_connectable: the page sees no way to message the extension at all.
    expect(attempts.runtimeVisible).toBe(false);
    expect(attempts.syntheticClicks).toBe(3);
    expect(attempts.textLength).toBeGreaterThan(1000);
    expect(attempts.foundKey).toBe(false);
    const writes = (await env.control.requests()).filter((entry) => entry.method !== "GET");
    expect(writes).toEqual([]);
    expect(await env.control.tags(annId)).toEqual([]);
    for (const name of ["Yes", "Maybe", "No"])
      expect(
        await page.locator("srh-interview-widget").getByRole("button", { name, exact: true }).getAttribute("aria-pressed"),
      ).toBe("false");
    await page.close();
  });
});
