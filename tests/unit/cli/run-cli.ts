/** Runs the CLI in-process and keeps what it printed, for the CLI tests. */
import { runCli } from '../../../cli/main';

/** What one run printed and its exit code. */
export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** `runCli(args)` with stdout and stderr captured line by line. */
export async function run(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}
