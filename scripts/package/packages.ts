/**
 * Where `npm run zip` leaves the store packages: WXT's default names, `<name>-<version>-<browser>.zip` and
 * `<name>-<version>-sources.zip`, in `.output/`, with `<name>` and `<version>` from package.json.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const packageBrowsers = ["chrome", "firefox", "edge"] as const;
export type PackageBrowser = (typeof packageBrowsers)[number];

interface PackageJson {
  name: string;
  version: string;
}

export function packageJson(root = "."): PackageJson {
  return JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as PackageJson;
}

/** `.output/<name>-<version>-<browser>.zip`, or `-sources.zip` (made with the Firefox package). */
export function packagePath(kind: PackageBrowser | "sources", root = "."): string {
  const { name, version } = packageJson(root);
  return resolve(root, ".output", `${name}-${version}-${kind}.zip`);
}
