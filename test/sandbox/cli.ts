import { startSandbox } from "./server";

/**
 * npx tsx test/sandbox/cli.ts [--port N] [--app-port M] [--host H]
 * Prints SANDBOX_URL=http://127.0.0.1:N (the API origin) then SANDBOX_APP_URL=http://127.0.0.1:M
 * (authorization and profile pages), and runs until SIGINT / SIGTERM.
 */

interface CliOptions {
  port?: number;
  appPort?: number;
  host?: string;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new Error(`Invalid port: ${raw}`);
  }
  return port;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) {
        return inline;
      }
      i += 1;
      const next = argv[i];
      if (next === undefined) {
        throw new Error(`${name} needs a value`);
      }
      return next;
    };
    if (name === "--port") {
      options.port = parsePort(value());
    } else if (name === "--app-port") {
      options.appPort = parsePort(value());
    } else if (name === "--host") {
      options.host = value();
    } else if (name === "--help" || name === "-h") {
      process.stdout.write("Usage: tsx test/sandbox/cli.ts [--port N] [--app-port M] [--host H]\n");
      process.exit(0);
    } else {
      throw new Error(`Unknown argument: ${arg}`);
    }
  }
  return options;
}

let options: CliOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

const sandbox = await startSandbox(options);
process.stdout.write(`SANDBOX_URL=${sandbox.url}\nSANDBOX_APP_URL=${sandbox.appUrl}\n`);

let stopping = false;
function stop(): void {
  if (stopping) {
    return;
  }
  stopping = true;
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
