import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { projectRoot } from "../config.js";

/** Neo4j Community run in a child JVM by `neo4j-launcher/Launcher.java`, for machines without Docker. */
export interface EmbeddedNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  origin: "embedded";
  /** The JVM's process id, so tests can prove it is gone. */
  pid: number;
  /** The folder holding Neo4j's data and logs. */
  home: string;
  /** Settles when the JVM has ended, however it ended (stop(), a crash, a signal). */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbeddedOptions {
  /** Persistent folder; undefined = a fresh temporary folder, deleted on stop. */
  home?: string;
  /** Bolt port; undefined = a free one. A fixed one lets a test restart Neo4j under a running app. */
  port?: number;
  log?: (line: string) => void;
}

export class Neo4jStartError extends Error {
  override name = "Neo4jStartError";
}

const launcherDir = path.join(projectRoot, "neo4j-launcher");
const libDir = path.join(launcherDir, "lib");
const pomFile = path.join(launcherDir, "pom.xml");
const launcherSource = path.join(launcherDir, "Launcher.java");
/** Written last, so a copy that was interrupted (or made for another pom) is redone. */
const libMarker = path.join(libDir, ".complete");

const readyTimeoutMs = 120_000;
const stopTimeoutMs = 30_000;
const minimumJavaVersion = 17;
/** The flags Neo4j's own server script passes on Java 17+; without them the page cache logs access errors. */
const jvmFlags = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Xmx1g",
];

const execFileAsync = promisify(execFile);

export async function startEmbeddedNeo4j(options: EmbeddedOptions = {}): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  const began = performance.now();
  const java = javaExecutable();
  await checkJavaVersion(java);
  await ensureLauncherLibs(log);
  const classes = await ensureLauncherClasses();
  const port = options.port ?? (await findFreePort());
  const ephemeral = options.home === undefined;
  const home = options.home === undefined ? await mkdtemp(path.join(os.tmpdir(), "neo4j-")) : path.resolve(options.home);
  await mkdir(path.join(home, "logs"), { recursive: true });

  const args = [...jvmFlags, "-cp", `${classes}${path.delimiter}${launcherClasspath()}`, "Launcher", home, String(port)];
  if (ephemeral) args.push("--delete-home-on-exit");
  const child = spawn(java, args, { cwd: launcherDir, stdio: ["pipe", "pipe", "pipe"] });
  // Closing stdin after the JVM died can raise EPIPE; the exit itself is what stop() waits for.
  child.stdin.on("error", () => {});
  const exitedPromise = new Promise<ProcessExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const instance: LiveInstance = { child, home, ephemeral };
  live.add(instance);
  installExitHook();

  try {
    const uri = await waitUntilReady(child, path.join(home, "logs", "launcher.log"));
    const password = await readPassword(home);
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    log(`embedded Neo4j ready at ${uri} in ${seconds} s (data and logs in ${home})`);
    return {
      uri,
      user: "neo4j",
      password,
      database: "neo4j",
      origin: "embedded",
      pid: child.pid!,
      home,
      exited: exitedPromise,
      stop: once(() => stopInstance(instance)),
    };
  } catch (error) {
    await stopInstance(instance);
    throw error;
  }
}

/**
 * The launcher keeps the password of the user `neo4j` in this file of the Neo4j home (mode 0600),
 * made on the first start; it is how every process using the folder (the API, each command) logs in.
 */
export function neo4jPasswordFile(home: string): string {
  return path.join(home, "neo4j-password");
}

/** Read after READY: by then the launcher has made the file (never empty) and set the password. */
async function readPassword(home: string): Promise<string> {
  return (await readFile(neo4jPasswordFile(home), "utf8")).trim();
}

interface LiveInstance {
  child: ChildProcess;
  home: string;
  ephemeral: boolean;
}

/** Every JVM this process started and has not stopped yet. */
const live = new Set<LiveInstance>();
let exitHookInstalled = false;

/**
 * Last resort when the process exits without calling stop() (an uncaught error, process.exit).
 * Only synchronous work is possible here. A throwaway database is killed outright and its folder
 * removed; a persistent one gets SIGTERM, so the launcher's shutdown hook closes the store cleanly
 * a moment after we are gone instead of leaving it to recovery on the next start.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const { child, home, ephemeral } of live) {
      child.kill(ephemeral ? "SIGKILL" : "SIGTERM");
      if (ephemeral) rmSync(home, { recursive: true, force: true });
    }
  });
}

async function stopInstance(instance: LiveInstance): Promise<void> {
  const { child, home, ephemeral } = instance;
  // Closing stdin is the launcher's signal to shut Neo4j down cleanly.
  child.stdin?.end();
  if (!(await exited(child, stopTimeoutMs))) {
    child.kill("SIGKILL");
    await exited(child, stopTimeoutMs);
  }
  live.delete(instance);
  if (ephemeral) await rm(home, { recursive: true, force: true });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const gone = child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
  if (gone) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Resolves with the Bolt URI once the launcher prints READY. The JVM's own output goes to a file in
 * the data folder, not the terminal; its last lines explain a failed start.
 */
function waitUntilReady(child: ChildProcess, logFile: string): Promise<string> {
  const output = createWriteStream(logFile, { flags: "a" });
  const tail: string[] = [];
  const record = (line: string) => {
    output.write(line + "\n");
    tail.push(line);
    if (tail.length > 15) tail.shift();
  };
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      const lastLines = tail.length > 0 ? `\n--- last output of the launcher ---\n${tail.join("\n")}` : "";
      reject(new Neo4jStartError(`embedded Neo4j ${reason}${lastLines}`));
    };
    const timer = setTimeout(() => fail(`was not ready within ${readyTimeoutMs / 1000} s`), readyTimeoutMs);
    createInterface({ input: child.stderr! }).on("line", record);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      record(line);
      const ready = /^READY (\S+)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    child.once("error", (error) => fail(`could not be started: ${error.message}`));
    // "close" rather than "exit": it comes after the last output lines, which explain the failure.
    child.once("close", (code, signal) => {
      output.end();
      fail(`exited before it was ready (${signal ?? `exit code ${code}`})`);
    });
  });
}

/** JAVA_HOME locates a tool, as PATH does, rather than configuring the app, so it is read here. */
/** The classpath of Neo4j's jars (after ensureLauncherLibs): the launcher's, and the import tool's, which they include. */
export function launcherClasspath(): string {
  return path.join(libDir, "*");
}

/** `$JAVA_HOME/bin/java`, or `java` on the PATH. */
export function javaExecutable(): string {
  return jdkTool("java");
}

/** The compiler beside it: the JDK that runs Neo4j compiles its launcher. */
function javacExecutable(): string {
  return jdkTool("javac");
}

function jdkTool(name: string): string {
  const javaHome = process.env.JAVA_HOME?.trim();
  return javaHome ? path.join(javaHome, "bin", name) : name;
}

export async function checkJavaVersion(java: string): Promise<void> {
  let banner: string;
  try {
    const { stdout, stderr } = await execFileAsync(java, ["-version"]);
    banner = stderr + stdout;
  } catch (error) {
    throw new Neo4jStartError(
      `Java ${minimumJavaVersion}+ is needed to run Neo4j without Docker, but "${java}" could not be run ` +
        `(${(error as Error).message}). Install a JDK, set JAVA_HOME, or set NEO4J_URI to use a running Neo4j.`,
    );
  }
  const version = parseJavaMajorVersion(banner);
  if (version === undefined || version < minimumJavaVersion) {
    throw new Neo4jStartError(
      `Java ${minimumJavaVersion}+ is needed to run Neo4j without Docker, but "${java}" is ` +
        `${version === undefined ? "of unknown version" : `Java ${version}`}. ` +
        `Set JAVA_HOME to a newer JDK, or set NEO4J_URI to use a running Neo4j.`,
    );
  }
}

/** `openjdk version "17.0.15"` → 17; `java version "1.8.0_392"` → 8. */
export function parseJavaMajorVersion(banner: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(banner);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/**
 * Neo4j's jars come from Maven Central once and stay in `neo4j-launcher/lib` (git-ignored); later
 * starts need no network. The marker holds the pom's hash, so changing the Neo4j version refetches.
 */
export async function ensureLauncherLibs(log: (line: string) => void): Promise<void> {
  const pomHash = createHash("sha256").update(await readFile(pomFile)).digest("hex");
  const marker = await readFile(libMarker, "utf8").catch(() => undefined);
  if (marker?.trim() === pomHash) return;

  log("fetching Neo4j from Maven Central into neo4j-launcher/lib (first time only, about a minute)");
  // A partial or outdated copy must go: Maven skips jars that look up to date, and two Neo4j
  // versions side by side on one classpath fail in confusing ways.
  await rm(libDir, { recursive: true, force: true });
  const mavenArgs = ["-q", "-B", "-f", pomFile, "dependency:copy-dependencies", `-DoutputDirectory=${libDir}`, "-DincludeScope=runtime"];
  try {
    await execFileAsync("mvn", mavenArgs, { cwd: launcherDir, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "", message } = error as { stdout?: string; stderr?: string; message: string };
    const lastLines = (stdout + stderr).trim().split("\n").slice(-20).join("\n");
    throw new Neo4jStartError(
      `could not fetch Neo4j with Maven (mvn ${mavenArgs.join(" ")}): ${message}` +
        (lastLines ? `\n${lastLines}` : "") +
        "\nInstall Maven and check network access to Maven Central, or set NEO4J_URI to use a running Neo4j.",
    );
  }
  await writeFile(libMarker, pomHash + "\n");
}

/**
 * Launcher.java compiled once, into `neo4j-launcher/lib/launcher-<its source's hash>` (git-ignored
 * with the jars, and compiled again after they change). Run from its source, the JVM compiled it at
 * every start: on two cores, starts took 8.2 s and 14.2 CPU seconds (medians of four), and 7.1 s and
 * 12.3 CPU seconds from the compiled class. Compiled into a folder of its own and then renamed, so
 * that starts side by side never see half a class.
 */
async function ensureLauncherClasses(): Promise<string> {
  const hash = createHash("sha256").update(await readFile(launcherSource)).digest("hex").slice(0, 16);
  const classes = path.join(libDir, `launcher-${hash}`);
  if (existsSync(path.join(classes, "Launcher.class"))) return classes;
  const scratch = await mkdtemp(path.join(libDir, "launcher-compiling-"));
  try {
    await execFileAsync(javacExecutable(), ["-cp", launcherClasspath(), "-d", scratch, launcherSource]);
    // Another start may have renamed its copy first: the same source, so the same classes.
    await rename(scratch, classes).catch((error: unknown) => {
      if (!existsSync(path.join(classes, "Launcher.class"))) throw error;
    });
  } catch (error) {
    const { stderr = "", message } = error as { stderr?: string; message: string };
    throw new Neo4jStartError(`could not compile ${launcherSource}: ${message}${stderr.trim() ? `\n${stderr.trim()}` : ""}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return classes;
}

/** Asks the OS for a port that is free now; the launcher binds it a few seconds later. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function once(action: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= action());
}
