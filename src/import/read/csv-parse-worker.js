// Parses one CSV file on a thread of its own and hands its records to the thread that imports them,
// in batches (csv-input.ts, `openMainInput`). Plain JavaScript, so that the same file runs under
// the compiled build and the test runner (a worker thread is started by Node.js itself, which runs
// no TypeScript); `allowJs` copies it into dist.
//
// Messages out: { records: string[][], bytesRead: number } per batch; then { done: true, bytesRead }
// or { error: { code, lines, message } } (the parser's error, turned into an InputError there).
// Messages in: a number, the batches the reader has taken (at most `inFlight` wait for it).
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

import { parse } from "csv-parse";

const { file, options, batchSize, inFlight } = workerData;
let credit = inFlight;
let wake = null;
parentPort.on("message", (taken) => {
  credit += taken;
  wake?.();
  wake = null;
});

const stream = createReadStream(file);
let batch = [];
try {
  for await (const record of stream.pipe(parse(options))) {
    batch.push(record);
    if (batch.length < batchSize) continue;
    while (credit === 0) await new Promise((resolve) => (wake = resolve));
    credit -= 1;
    parentPort.postMessage({ records: batch, bytesRead: stream.bytesRead });
    batch = [];
  }
  if (batch.length > 0) parentPort.postMessage({ records: batch, bytesRead: stream.bytesRead });
  parentPort.postMessage({ done: true, bytesRead: stream.bytesRead });
} catch (error) {
  parentPort.postMessage({ error: { code: error?.code, lines: error?.lines, message: error?.message ?? String(error) } });
} finally {
  stream.destroy();
  // Nothing is left to send: the thread ends once its last messages are out.
  parentPort.unref();
}
