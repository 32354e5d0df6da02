import cliProgress from "cli-progress";

import type { ImportProgress } from "./import-files.js";

export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

/**
 * A bar (rows, rows/s, ETA by bytes of the file read) on a terminal; elsewhere one plain line per
 * batch, which logs and tests can read.
 */
export function progressDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: "{bar} {percentage}% | {rows} rows ({rejected} rejected) | {rate} rows/s | ETA {eta_formatted}",
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (progress) => {
        const payload = { rows: progress.rowsRead, rejected: progress.rowsRejected, rate: rate(progress) };
        if (!started) {
          bar.start(progress.totalBytes, progress.bytesRead, payload);
          started = true;
        } else {
          bar.update(progress.bytesRead, payload);
        }
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  return {
    update: (progress) => {
      const percent = progress.totalBytes > 0 ? Math.floor((100 * progress.bytesRead) / progress.totalBytes) : 100;
      stream.write(
        `batch ${progress.batches}: ${progress.rowsRead} rows read, ${progress.rowsLoaded} loaded, ` +
          `${progress.rowsRejected} rejected, ${rate(progress)} rows/s, ${percent}% of the file\n`,
      );
    },
    stop: () => {},
  };
}

function rate(progress: ImportProgress): number {
  return progress.elapsedMs > 0 ? Math.round((progress.rowsRead * 1000) / progress.elapsedMs) : 0;
}
