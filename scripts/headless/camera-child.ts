// The headless runtime's camera process (test/headless/camera.ts starts it and speaks
// to it): photographs captures with the screenshots' camera, in a Node process of its
// own because playwright-core cannot load in the runtime's jsdom. One JSON request per
// line on stdin, { id, capturePath, pngPath }; one JSON answer per line on stdout,
// { id, ok: true, pngPath, findings } or { id, ok: false, error }, taken in turn.
// Chromium opens on the first request and closes when stdin ends or on SIGTERM.
// stdout carries answers only: anything else goes to stderr.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import type { CameraAnswer, CameraRequest } from '../../test/headless/camera';
import type { Capture } from '../../test/screens/types';
import { openBrowser, photograph } from '../screenshots/camera';

console.log = console.info = console.error;

let browser: Promise<Browser> | null = null;

function browserOnce(): Promise<Browser> {
  // A launch that failed is tried again on the next request.
  browser ??= openBrowser().catch((err: unknown) => {
    browser = null;
    throw err;
  });
  return browser;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function answer(line: string): Promise<CameraAnswer> {
  let request: CameraRequest;
  try {
    request = JSON.parse(line) as CameraRequest;
  } catch {
    return { id: null, ok: false, error: `not a JSON request: ${line.slice(0, 200)}` };
  }
  const { id, capturePath, pngPath } = request;
  let capture: Capture;
  try {
    capture = JSON.parse(await readFile(capturePath, 'utf8')) as Capture;
  } catch (err) {
    return { id, ok: false, error: `cannot read the capture ${capturePath}: ${message(err)}` };
  }
  try {
    const findings = await photograph(await browserOnce(), capture, pngPath);
    return { id, ok: true, pngPath, findings };
  } catch (err) {
    return { id, ok: false, error: `photographing ${capturePath}: ${message(err)}` };
  }
}

let queue = Promise.resolve();

createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (!line.trim()) return;
    queue = queue.then(async () => void process.stdout.write(`${JSON.stringify(await answer(line))}\n`));
  })
  .on('close', () => void queue.then(shutDown));

let closing = false;
async function shutDown(): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    await (await browser?.catch(() => null))?.close();
  } finally {
    process.exit(0);
  }
}

process.once('SIGTERM', () => void shutDown());
