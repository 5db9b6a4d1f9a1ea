import { type RunningFixtureServer, startHellohireFixtures } from "../hellohire/server";
import { SandboxControl } from "../sandbox/control-client";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { type RunningSandbox, startSandbox } from "../sandbox/server";
import { connectInSidePanel, type ExtensionBrowser, launchWithExtension } from "./extension";
import { copyWithOwnId } from "./extension-build";
import { sandboxEndpoints } from "./sandbox-endpoints";

/** Everything an end-to-end test needs: the sandbox, the fixture pages, and Chromium with the extension connected. */
export interface Environment {
  sandbox: RunningSandbox;
  control: SandboxControl;
  hellohire: RunningFixtureServer;
  browser: ExtensionBrowser;
  roomUrl(query?: string): string;
  close(): Promise<void>;
}

export const roomPath = "/events/evt-1/interviews/int-csr/room";

/**
 * `openWidget: false`: pages meet the widget's real closed shadow root (launchWithExtension). `ownId`: Chromium loads a
 * copy of the build with an ID of its own (extension-build.ts), which a file that writes machine policy needs.
 */
export async function startEnvironment(
  options: { connect?: boolean; openWidget?: boolean; ownId?: boolean } = {},
): Promise<Environment> {
  const [sandbox, hellohire] = await Promise.all([startSandbox(), startHellohireFixtures()]);
  const copy = options.ownId ? copyWithOwnId() : undefined;
  const browser = await launchWithExtension({ openWidget: options.openWidget ?? true, ...(copy ? { build: copy } : {}) });
  if (options.connect ?? true) {
    const panel = await connectInSidePanel(browser, { apiKey: SANDBOX_API_KEY, ...sandboxEndpoints(sandbox) });
    await panel.close();
  }
  return {
    sandbox,
    control: new SandboxControl(sandbox.url),
    hellohire,
    browser,
    roomUrl: (query = "") => `${hellohire.url}${roomPath}${query}`,
    async close() {
      await browser.close();
      copy?.remove();
      await Promise.all([sandbox.close(), hellohire.close()]);
    },
  };
}
