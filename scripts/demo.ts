/**
 * `npm run demo`: the product's main job on the built-in SmartRecruiters sandbox.
 * Starts the sandbox and the Hellohire fixture pages, launches Chromium with the built extension,
 * connects it through the side panel with OAuth (the sandbox's authorization page approves at once), and opens the one-on-one interview page.
 * Without a display (or with --headless) it runs the flow by itself: rates two candidates, saves
 * screenshots of the interview page and the side panel, and prints the sandbox's resulting candidates.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { BrowserContext } from "playwright-core";
import { roomPath } from "../test/e2e/environment";
import { connectWithOAuthInSidePanel, extensionUrl, launchWithExtension, waitUntilConnected } from "../test/e2e/extension";
import { startSandboxTokenEndpoint } from "../test/e2e/sandbox-endpoints";
import { startHellohireFixtures } from "../test/hellohire/server";
import { SandboxControl } from "../test/sandbox/control-client";
import { startSandbox } from "../test/sandbox/server";
import { seedCandidates } from "../test/shared/people";

const headless = process.argv.includes("--headless") || !process.env.DISPLAY;
const outDir = resolve(process.env.DEMO_OUTPUT ?? "demo-output");

async function main() {
  const sandbox = await startSandbox();
  const hellohire = await startHellohireFixtures();
  console.log(`SmartRecruiters sandbox: API ${sandbox.url}, sign-in and profile pages ${sandbox.appUrl}`);
  console.log(`Hellohire fixture pages: ${hellohire.url}`);
  // SmartRecruiters wants the OAuth client secret for the code exchange: the organisation's token endpoint holds it.
  const tokenEndpoint = await startSandboxTokenEndpoint(sandbox);
  console.log(`Organisation's token endpoint (server/token-endpoint): ${tokenEndpoint.url}`);
  const browser = await launchWithExtension({ headless });
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await Promise.all([sandbox.close(), hellohire.close(), tokenEndpoint.close()]);
  };
  try {
    // As an interviewer does: "Connect to SmartRecruiters", log in and give permission (the sandbox approves).
    const panel = await connectWithOAuthInSidePanel(browser, { sandbox, tokenUrl: tokenEndpoint.url });
    const room = await browser.context.newPage();
    await room.goto(`${hellohire.url}${roomPath}`);
    const widget = room.locator("srh-interview-widget");
    await widget.getByRole("link", { name: "View in SmartRecruiters" }).waitFor({ timeout: 15_000 });

    if (!headless) {
      console.log("\nChromium is open on the interview page: rate candidates with Yes / Maybe / No,");
      console.log(`open the side panel page (${extensionUrl("sidepanel.html")}), and press Ctrl+C here to stop.`);
      await new Promise<void>((done) => {
        process.once("SIGINT", done);
        browser.context.on("close", () => done());
      });
      return;
    }

    mkdirSync(outDir, { recursive: true });
    await widget.getByRole("button", { name: "Yes", exact: true }).click();
    await widget.getByText("Saved to SmartRecruiters").waitFor();
    await room.screenshot({ path: resolve(outDir, "interview-page.png") });
    await room.locator('[data-testid="candidate-card"]').screenshot({ path: resolve(outDir, "candidate-card.png") });

    await room.evaluate(() => (window as unknown as { __hellohire: { next(): void } }).__hellohire.next());
    await widget.getByRole("link", { name: "View in SmartRecruiters" }).waitFor();
    await widget.getByRole("button", { name: "Maybe", exact: true }).click();
    await widget.getByText("Saved to SmartRecruiters").waitFor();
    await room.screenshot({ path: resolve(outDir, "interview-page-next-candidate.png") });

    await panel.setViewportSize({ width: 400, height: 700 });
    await panel.reload();
    await waitUntilConnected(panel);
    await panel.screenshot({ path: resolve(outDir, "side-panel.png") });
    if (process.argv.includes("--store")) await storeScreenshots(browser.context, outDir);

    console.log(`\nScreenshots saved in ${outDir}:`);
    for (const file of ["interview-page.png", "candidate-card.png", "interview-page-next-candidate.png", "side-panel.png"])
      console.log(`  ${resolve(outDir, file)}`);

    const control = new SandboxControl(sandbox.url);
    console.log("\nSmartRecruiters sandbox after the demo (rated candidates):");
    for (const seeded of seedCandidates.slice(0, 4)) {
      const candidate = await control.candidate(seeded.id);
      if (!candidate) continue;
      const tags = await control.tags(seeded.id);
      console.log(`  ${candidate.firstName} ${candidate.lastName} <${candidate.email}> [${candidate.id}]`);
      console.log(`    tags: ${tags.length ? tags.map((t) => JSON.stringify(t)).join(", ") : "(none)"}`);
    }
  } finally {
    await stop();
  }
}

/**
 * The store listing's screenshots (1280×800, as the Chrome Web Store asks): the page, and the page beside
 * the panel (both on the second candidate, so the panel describes the candidate on the page).
 */
async function storeScreenshots(context: BrowserContext, from: string): Promise<void> {
  const storeDir = resolve("store/screenshots");
  mkdirSync(storeDir, { recursive: true });
  const image = (file: string) => `data:image/png;base64,${readFileSync(resolve(from, file)).toString("base64")}`;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.setContent(
    `<body style="margin:0;display:flex;gap:0;background:#d9e2ec">
      <img src="${image("interview-page-next-candidate.png")}" style="width:880px;height:550px;object-fit:cover;object-position:left top;margin:125px 0 0 0">
      <img src="${image("side-panel.png")}" style="width:400px;height:700px;margin-top:50px;box-shadow:0 0 12px #0003">
    </body>`,
  );
  await page.screenshot({ path: resolve(storeDir, "2-interview-and-side-panel.png") });
  await page.close();
  copyFileSync(resolve(from, "interview-page.png"), resolve(storeDir, "1-interview-page.png"));
  console.log(`Store screenshots saved in ${storeDir}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
