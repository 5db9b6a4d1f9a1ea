import { beforeEach, describe, expect, it } from "vitest";
import { seedCandidates } from "../shared/people";
import type { Environment } from "./environment";
import { openAnnAlone, ratingButton, useEnvironment, widget } from "./widget";

const annId = seedCandidates[0]?.id as string;
const button = ratingButton;
let env: Environment;

describe("ratings are never lost: the outbox", () => {
  const environment = useEnvironment();
  beforeEach(() => {
    env = environment();
  });

  it("queues a rating SmartRecruiters answers 503 to, retries it, and lands it once", async () => {
    const page = await openAnnAlone(env);
    await env.control.setFaults({ nextErrors: [503] });
    await button(page, "Yes").click();
    await widget(page).getByText("Queued:", { exact: false }).waitFor();
    expect(await button(page, "Yes").getAttribute("aria-pressed")).toBe("true");
    await widget(page).getByText("Saved to SmartRecruiters").waitFor({ timeout: 10_000 });
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    await page.close();
  });

  it("keeps a rating while SmartRecruiters cannot be reached, shows it queued after a reload, and sends it when back", async () => {
    const page = await openAnnAlone(env);
    await env.control.setFaults({ dropRate: 1 });
    await button(page, "No").click();
    await widget(page).getByText("could not be reached", { exact: false }).waitFor();
    await env.control.setFaults({ dropRate: 1 });
    await page.reload();
    await widget(page).getByText("Queued:", { exact: false }).waitFor({ timeout: 10_000 });
    expect(await button(page, "No").getAttribute("aria-pressed")).toBe("true");
    await env.control.setFaults({});
    await expect.poll(() => env.control.tags(annId), { timeout: 15_000 }).toEqual(["hellohire - csr - no"]);
    await widget(page).getByText("Saved to SmartRecruiters").waitFor({ timeout: 10_000 });
    await page.close();
  });

  it("stops on a permanent refusal, says why, and sends again on Retry", async () => {
    const page = await openAnnAlone(env);
    await env.control.setFaults({ nextErrors: [403] });
    await button(page, "Maybe").click();
    const alert = widget(page).getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("denied access");
    expect(await env.control.tags(annId)).toEqual([]);
    await widget(page).getByRole("button", { name: "Retry" }).click();
    await widget(page).getByText("Saved to SmartRecruiters").waitFor();
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - maybe"]);
    await page.close();
  });
});
