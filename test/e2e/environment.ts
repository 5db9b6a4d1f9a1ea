import { type RunningFixtureServer, startHellohireFixtures } from "../hellohire/server";
import { SandboxControl } from "../sandbox/control-client";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { type RunningSandbox, startSandbox } from "../sandbox/server";
import { connectInSidePanel, type ExtensionBrowser, launchWithExtension } from "./extension";
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

/** `openWidget: false`: pages meet the widget's real closed shadow root (launchWithExtension). */
export async function startEnvironment(options: { connect?: boolean; openWidget?: boolean } = {}): Promise<Environment> {
  const sandbox = await startSandbox();
  const hellohire = await startHellohireFixtures();
  const browser = await launchWithExtension({ openWidget: options.openWidget ?? true });
  if (options.connect ?? true) {
    const panel = await connectInSidePanel(browser.context, { apiKey: SANDBOX_API_KEY, ...sandboxEndpoints(sandbox) });
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
      await Promise.all([sandbox.close(), hellohire.close()]);
    },
  };
}
