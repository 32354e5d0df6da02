import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * The id of the process listening on a TCP port of this machine (Linux: the socket's inode in
 * /proc/net/tcp, then the process holding it), or undefined: how the harness finds the API
 * processes and HAProxy, which another module starts, to read their CPU time.
 */
export function listeningProcess(port: number): number | undefined {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  let inode: string | undefined;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      // Fields: sl, local address (hex ip:port), remote address, state (0A is LISTEN), ..., inode (10th).
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(hexPort) && fields[3] === "0A") inode = fields[9];
    }
  }
  if (inode === undefined) return undefined;
  const socket = `socket:[${inode}]`;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === socket) return Number(pid);
      }
    } catch {
      // Another user's process, or one that has just ended.
    }
  }
  return undefined;
}
