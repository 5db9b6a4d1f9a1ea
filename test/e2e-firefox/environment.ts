import { afterAll, beforeAll, beforeEach } from "vitest";
import { sandboxEndpoints } from "../e2e/sandbox-endpoints";
import { type RunningFixtureServer, startHellohireFixtures } from "../hellohire/server";
import { SandboxControl } from "../sandbox/control-client";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { type RunningSandbox, startSandbox } from "../sandbox/server";
import { type FirefoxExtensionBrowser, launchFirefoxWithExtension } from "./firefox";
import { withFirefoxPolicy } from "./policy";

export interface FirefoxEnvironment {
  sandbox: RunningSandbox;
  hellohire: RunningFixtureServer;
  control: SandboxControl;
  firefox: FirefoxExtensionBrowser;
}

/**
 * The sandbox, the fixture pages and one Firefox for the calling test file, connected by the organisation's API key
 * (policies.json, read by Firefox at start: written for the launch only, under the lock the files share); the sandbox
 * reset before each test. Returns a getter: the environment exists once beforeAll has run.
 */
export function useFirefoxEnvironment(): () => FirefoxEnvironment {
  let env: FirefoxEnvironment | undefined;
  beforeAll(async () => {
    const [sandbox, hellohire] = await Promise.all([startSandbox(), startHellohireFixtures()]);
    const firefox = await withFirefoxPolicy(
      { authMode: "apiKey", apiKey: SANDBOX_API_KEY, ...sandboxEndpoints(sandbox) },
      launchFirefoxWithExtension,
    );
    console.info(`Firefox launch ${firefox.timings.launchMs} ms, extension install ${firefox.timings.installMs} ms`);
    env = { sandbox, hellohire, control: new SandboxControl(sandbox.url), firefox };
  });
  afterAll(async () => {
    await env?.firefox.close();
    await Promise.all([env?.sandbox.close(), env?.hellohire.close()]);
  });
  beforeEach(async () => {
    await env?.control.reset();
  });
  return () => {
    if (!env) throw new Error("The Firefox environment is not started (call useFirefoxEnvironment() in a describe).");
    return env;
  };
}
