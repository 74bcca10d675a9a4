import { type ChildProcess, execFile, spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../db/project-root";

export type ScriptProcess = {
  child: ChildProcess;
  /** Resolves with the first output line matching `pattern` (rejects if the process exits first). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** kill -9, and wait until it is gone. */
  killHard(): Promise<void>;
  output(): string;
};

/** Runs a TypeScript file of this repository with tsx in a process of its own (crash tests, fault scripts). */
export function runScriptProcess(file: string, args: string[], env: NodeJS.ProcessEnv): ScriptProcess {
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a second process
  // that a SIGKILL of the first would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, file), ...args], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    waitForLine(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = output.split("\n").find((candidate) => pattern.test(candidate));
          if (line === undefined) return;
          cleanup();
          resolve(line);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No line matching ${pattern} within ${timeoutMs} ms. Output:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          check();
          cleanup();
          reject(new Error(`The process exited before printing ${pattern}. Output:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      });
    },
    async killHard() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

export type ScriptOutcome = { code: number; stdout: string; stderr: string };

/** Runs a TypeScript file of this repository with tsx to its end (CLI tests): its exit code and output. */
export function runScriptToEnd(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<ScriptOutcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(projectRoot, file), ...args],
      { cwd: projectRoot, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
