// Photographs captured pages with Debian's Chromium (driven by playwright-core; no
// browser download), and checks each one as a rider would see it: nothing thrown,
// not blank, no raw {{binding}} or undefined/null/NaN on screen, nothing wider
// than the screen.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Frame } from 'playwright-core';
import { type Capture, SCROLL_MARK } from '../../test/screens/types';
import { pageDocument, SCREEN, screenDocument } from './frame';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Finding {
  file: string;
  problem: string;
}

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk (sudo apt-get install chromium fonts-noto-cjk), or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}

/** What is wrong with a page as shown (empty list = fine). Runs in the page's frame. */
async function inspect(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const body = document.body;
    const text = body.innerText;
    const visibleMedia = Array.from(body.querySelectorAll('*')).some((el) => {
      const r = el.getBoundingClientRect();
      if (r.width < 8 || r.height < 8) return false;
      const st = getComputedStyle(el);
      return st.backgroundImage !== 'none' || el.tagName === 'IMG' || el.tagName === 'WX-CANVAS';
    });
    if (!text.trim() && !visibleMedia) problems.push('renders blank');
    const raw = text.match(/\{\{[^}]*\}?\}?/);
    if (raw) problems.push(`shows a raw binding: ${raw[0]}`);
    const junk = text.match(/[^\n]{0,20}\b(undefined|null|NaN)\b[^\n]{0,20}/);
    if (junk) problems.push(`shows "${junk[1]}": …${junk[0].trim()}…`);
    for (const el of Array.from(body.querySelectorAll('[data-src]'))) {
      const src = el.getAttribute('data-src') ?? '';
      if (/undefined|null|NaN/.test(src)) problems.push(`an image's src is "${src}"`);
    }
    // A canvas shows what the page drew (replayed from the recording), or nothing at all.
    for (const host of Array.from(body.querySelectorAll('wx-canvas'))) {
      if (host.closest('[hidden]') || host.getBoundingClientRect().height === 0) continue;
      const canvas = host.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      let pixels: Uint8ClampedArray | null = null;
      let drawn = false;
      try {
        if (canvas && ctx && canvas.width && canvas.height)
          pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      } catch {
        drawn = true; // tainted by an image from the emulator: something was drawn on it
      }
      for (let i = 3; pixels && i < pixels.length; i += 4) {
        if (pixels[i]) {
          drawn = true;
          break;
        }
      }
      if (!drawn) problems.push('a canvas stays blank (the page never drew on it)');
    }
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      // Name the outermost element that sticks out.
      const wide = Array.from(body.querySelectorAll('*')).find((el) => {
        const r = el.getBoundingClientRect();
        return r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed';
      });
      const name = wide
        ? `<${wide.tagName.toLowerCase()}${wide.className ? ` class="${String(wide.className).trim()}"` : ''}>`
        : '';
      problems.push(`is wider than the screen (${document.documentElement.scrollWidth} px) ${name}`.trim());
    }
    return problems;
  });
}

/** Draws what the page drew on each canvas (test/screens/canvas.ts recorded it) on a real one. */
async function replayCanvases(frame: Frame): Promise<void> {
  await frame.evaluate(async () => {
    type Call = ['set', string, unknown] | ['call', string, unknown[]];
    for (const script of Array.from(document.querySelectorAll('script.canvas-replay'))) {
      const rec = JSON.parse(script.textContent ?? '{}') as { width: number; height: number; calls: Call[] };
      const host = script.parentElement!;
      const canvas = document.createElement('canvas');
      canvas.width = rec.width;
      canvas.height = rec.height;
      canvas.style.cssText = 'width:100%;height:100%;display:block';
      host.appendChild(canvas);
      const ctx = canvas.getContext('2d')!;
      const images = new Map<string, HTMLImageElement>();
      for (const [, name, args] of rec.calls.filter((c) => c[0] === 'call') as ['call', string, unknown[]][]) {
        for (const a of args) {
          const src = (a as { src?: string } | null)?.src;
          if (name === 'drawImage' && src && !images.has(src)) {
            const img = new Image();
            await new Promise<void>((resolve) => {
              img.onload = img.onerror = () => resolve();
              img.src = src;
            });
            images.set(src, img);
          }
        }
      }
      const c = ctx as unknown as Record<string, unknown>;
      for (const call of rec.calls) {
        if (call[0] === 'set') c[call[1]] = call[2];
        else {
          const args = call[2].map((a) => images.get((a as { src?: string } | null)?.src ?? '') ?? a);
          (c[call[1]] as (...a: unknown[]) => void).apply(ctx, args);
        }
      }
    }
  });
}

/** Scrolls the page to the element a state scrolled to (its SCROLL_MARK), as wx.pageScrollTo would. */
async function scrollToMark(frame: Frame): Promise<void> {
  await frame.evaluate((mark) => document.querySelector(`[${mark}]`)?.scrollIntoView({ block: 'start' }), SCROLL_MARK);
}

/** Writes `<outDir>/<file>.png` for the capture and returns what is wrong with it. */
export async function photograph(browser: Browser, c: Capture, pngPath: string): Promise<string[]> {
  const context = await browser.newContext({
    viewport: { width: SCREEN.width, height: SCREEN.height },
    deviceScaleFactor: 2,
  });
  try {
    // Only the emulator (images, media) and inline data may load: nothing reaches the internet.
    await context.route(/^(?!data:|about:|http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    const tab = await context.newPage();
    await tab.setContent(screenDocument(c), { waitUntil: 'load' });
    const frameHandle = await tab.$('#page');
    await tab.evaluate(
      ([el, doc]) =>
        new Promise<void>((resolve) => {
          const f = el as HTMLIFrameElement;
          f.addEventListener('load', () => resolve(), { once: true });
          f.srcdoc = doc as string;
        }),
      [frameHandle, pageDocument(c)] as const,
    );
    const frame = (await frameHandle!.contentFrame())!;
    // Background images and fonts: wait until everything the page asked for has arrived.
    await frame.evaluate(async () => {
      await document.fonts.ready;
      const urls = new Set<string>();
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const bg = getComputedStyle(el).backgroundImage;
        for (const m of bg.matchAll(/url\("?([^")]+)"?\)/g)) if (!m[1]!.startsWith('data:')) urls.add(m[1]!);
      }
      await Promise.all(
        [...urls].map(
          (u) =>
            new Promise<void>((resolve) => {
              const img = new Image();
              img.onload = img.onerror = () => resolve();
              img.src = u;
            }),
        ),
      );
      await Promise.all(
        Array.from(document.images).map((img) =>
          img.complete ? null : new Promise<void>((r) => (img.onload = img.onerror = () => r())),
        ),
      );
    });
    await replayCanvases(frame);
    await scrollToMark(frame);
    const problems = [...c.errors.map((e) => `threw: ${e.split('\n')[0]}`), ...(await inspect(frame))];
    await tab.screenshot({ path: pngPath });
    return problems;
  } finally {
    await context.close();
  }
}
