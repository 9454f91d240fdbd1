// The phone around a captured page, drawn as WeChat draws it at 375 × 812: the
// status bar, the navigation bar (title and colours from the page's json, the
// capsule on the right), the page itself in a frame of its own (so `page` is its
// body and fixed elements stick to its edges), and the tab bar on tab pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capture } from '../../test/screens/types';
import { appJson, MINIPROGRAM_DIR as MINIPROGRAM_ROOT } from '../../test/screens/manifest';

export const SCREEN = { width: 375, height: 812, statusBar: 44, navBar: 44, tabBar: 50, homeIndicator: 34 };

const BASE_CSS = readFileSync(join(__dirname, 'assets/wechat-base.css'), 'utf8');
const MEASURED_CSS = readFileSync(join(__dirname, 'assets/measured-layout.css'), 'utf8');

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function dataUri(file: string, type: string): string {
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

/** TDesign draws icons with a web font from a CDN; the same icons come as SVGs in tdesign-icons-svg. */
export function iconCss(html: string): string {
  const rules = new Set<string>();
  for (const [, prefix, name] of html.matchAll(/\b([\w-]+?)--t-icon-([a-z0-9][a-z0-9-]*)/g)) {
    if (name === 'base') continue;
    let svg: string;
    try {
      // The package writes JSX's view-box for SVG's viewBox: without it the glyph is cut off.
      svg = readFileSync(require.resolve(`tdesign-icons-svg/src/${name}.svg`), 'utf8').replace(
        ' view-box=',
        ' viewBox=',
      );
    } catch {
      continue; // an icon this package does not have stays blank (the check reports nothing for it)
    }
    const uri = `url("data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}")`;
    rules.add(
      `.${prefix}--t-icon-${name}::before{content:'';display:inline-block;width:1em;height:1em;vertical-align:top;` +
        `background-color:currentColor;-webkit-mask:${uri} center/100% 100% no-repeat;mask:${uri} center/100% 100% no-repeat}`,
    );
  }
  return [...rules].join('\n');
}

/** The page's own document, for the frame's srcdoc. */
export function pageDocument(c: Capture): string {
  // The CDN font is unreachable (and not needed: iconCss draws the icons).
  const css = c.css.replace(/@font-face\{[^}]*tdesign\.gtimg\.com[^}]*\}/g, '');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${BASE_CSS}</style><style>${css}</style><style>${iconCss(c.html)}</style><style>${MEASURED_CSS}</style></head><body style="background:${escape(c.background)}">${c.html}</body></html>`;
}

function tabBar(tab: number): string {
  const { tabBar: bar } = appJson();
  const items = bar.list
    .map((t, i) => {
      const icon = i === tab ? t.selectedIconPath : t.iconPath;
      const img = icon ? `<img src="${dataUri(join(MINIPROGRAM_ROOT, icon), 'image/png')}" alt="">` : '';
      return `<div class="tab" style="color:${i === tab ? bar.selectedColor : bar.color}">${img}<span>${escape(t.text)}</span></div>`;
    })
    .join('');
  return `<div id="tab-bar" style="background:${bar.backgroundColor}">${items}</div>`;
}

/** The whole screen: phone chrome around the page's frame. */
export function screenDocument(c: Capture): string {
  const s = SCREEN;
  const top = s.statusBar + s.navBar;
  const bottom = c.tab >= 0 ? s.tabBar + s.homeIndicator : 0;
  const light = c.navText === 'white';
  const fg = light ? '#fff' : '#000';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  html,body{margin:0;width:${s.width}px;height:${s.height}px;overflow:hidden;font-family:'Noto Sans CJK SC',sans-serif;background:${escape(c.background)}}
  #status-bar{position:absolute;top:0;left:0;right:0;height:${s.statusBar}px;background:${escape(c.navBackground)};color:${fg};
    display:flex;align-items:center;justify-content:space-between;padding:0 28px 0 32px;box-sizing:border-box;font-size:15px;font-weight:600}
  #status-bar .right{display:flex;gap:6px;align-items:center}
  #status-bar .battery{width:24px;height:11px;border:1.5px solid ${fg};border-radius:3px;position:relative;opacity:.9}
  #status-bar .battery::after{content:'';position:absolute;inset:1.5px 5px 1.5px 1.5px;background:${fg};border-radius:1px}
  #nav-bar{position:absolute;top:${s.statusBar}px;left:0;right:0;height:${s.navBar}px;background:${escape(c.navBackground)};color:${fg};
    display:flex;align-items:center;justify-content:center;font-size:17px;font-weight:600}
  #nav-bar .title{max-width:200px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
  #capsule{position:absolute;right:7px;top:6px;width:87px;height:32px;border-radius:16px;box-sizing:border-box;
    border:0.5px solid ${light ? 'rgba(255,255,255,.35)' : 'rgba(0,0,0,.12)'};background:${light ? 'rgba(0,0,0,.15)' : 'rgba(255,255,255,.6)'};display:flex;align-items:center}
  #capsule .dots{flex:1;text-align:center;font-size:18px;letter-spacing:1px;line-height:32px}
  #capsule .sep{width:0.5px;height:18px;background:${light ? 'rgba(255,255,255,.35)' : 'rgba(0,0,0,.15)'}}
  #capsule .ring{flex:1;display:flex;justify-content:center}
  #capsule .ring span{width:14px;height:14px;border:2px solid ${fg};border-radius:50%;box-sizing:border-box;position:relative}
  #capsule .ring span::after{content:'';position:absolute;inset:3px;background:${fg};border-radius:50%}
  #page{position:absolute;top:${top}px;left:0;width:${s.width}px;height:${s.height - top - bottom}px;border:0;display:block;background:${escape(c.background)}}
  #tab-bar{position:absolute;left:0;right:0;bottom:0;height:${s.tabBar + s.homeIndicator}px;display:flex;box-sizing:border-box;
    padding-bottom:${s.homeIndicator}px;border-top:0.5px solid rgba(0,0,0,.12)}
  #tab-bar .tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:10px;gap:2px}
  #tab-bar img{width:24px;height:24px}
  #home-indicator{position:absolute;bottom:8px;left:50%;width:134px;height:5px;margin-left:-67px;border-radius:3px;background:#000;opacity:.85}
  </style></head><body>
  <div id="status-bar"><span>9:41</span><span class="right"><span>5G</span><span class="battery"></span></span></div>
  <div id="nav-bar"><span class="title">${escape(c.title)}</span><div id="capsule"><span class="dots">•••</span><span class="sep"></span><span class="ring"><span></span></span></div></div>
  <iframe id="page"></iframe>
  ${c.tab >= 0 ? tabBar(c.tab) : ''}
  <div id="home-indicator"></div>
  </body></html>`;
}
