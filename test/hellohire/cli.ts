/**
 * Serves the Hellohire fixture pages until SIGINT/SIGTERM.
 *
 *   npx tsx test/hellohire/cli.ts [--port N] [--host H]
 *
 * Prints `HELLOHIRE_URL=http://127.0.0.1:N` on stdout once listening.
 */
import { startHellohireFixtures } from "./server";

function parseArgs(argv: readonly string[]): { port: number; host: string } {
  let port = 0;
  let host = "127.0.0.1";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return next;
    };
    if (flag === "--port") {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new Error(`invalid --port: ${text}`);
    } else if (flag === "--host") {
      host = value();
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write("usage: tsx test/hellohire/cli.ts [--port N] [--host H]\n");
      process.exit(0);
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return { port, host };
}

async function main(): Promise<void> {
  const server = await startHellohireFixtures(parseArgs(process.argv.slice(2)));
  process.stdout.write(`HELLOHIRE_URL=${server.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
