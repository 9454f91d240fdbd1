// The overview the README shows: every screen as a small phone with its caption,
// in the order of app.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Capture } from '../../test/screens/types';

const COLUMNS = 8;
const THUMB = 180;

export async function contactSheet(
  browser: Browser,
  captures: Capture[],
  shotsDir: string,
  out: string,
): Promise<void> {
  const cells = captures
    .map((c) => {
      const png = readFileSync(join(shotsDir, `${c.file}.png`)).toString('base64');
      const caption = c.caption.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);
      return `<figure><img src="data:image/png;base64,${png}"><figcaption>${caption}</figcaption></figure>`;
    })
    .join('');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    body{margin:0;padding:24px;background:#eef0f3;font-family:'Noto Sans CJK SC',sans-serif;width:${COLUMNS * (THUMB + 24)}px}
    h1{font-size:22px;margin:0 0 16px;color:#222}
    main{display:grid;grid-template-columns:repeat(${COLUMNS},${THUMB}px);gap:20px 24px}
    figure{margin:0}
    img{width:${THUMB}px;border-radius:14px;box-shadow:0 2px 8px rgba(0,0,0,.15);display:block}
    figcaption{font-size:12px;line-height:1.35;color:#333;margin-top:6px}
  </style></head><body><h1>新就业群体之家 · 每个页面（演示数据）</h1><main>${cells}</main></body></html>`;
  const context = await browser.newContext({
    viewport: { width: COLUMNS * (THUMB + 24) + 48, height: 800 },
    deviceScaleFactor: 1,
  });
  try {
    const tab = await context.newPage();
    await tab.setContent(html, { waitUntil: 'load' });
    await tab.screenshot({ path: out, fullPage: true });
  } finally {
    await context.close();
  }
}
