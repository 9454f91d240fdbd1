// The official WeChat compilers (wcc for WXML, wcsc for WXSS) from the
// miniprogram-compiler package, run over the mini-program's files.
import { createRequire } from 'node:module';

const require = createRequire(__filename);
const compiler = require('miniprogram-compiler') as {
  wxmlToJs(root: string, opts: { wxmlList?: string[]; wxsList?: string[]; maxBuffer?: number }): string;
};
// wxssToJs hides WXSS errors behind an unrelated TypeError; the module itself reports them.
const wcsc = require('miniprogram-compiler/src/wcsc') as (
  root: string,
  files: string[],
  opts: { maxBuffer?: number },
) => Record<string, string> | Error;

const MAX_BUFFER = 64 * 1024 * 1024;

/** Compiles all WXML (and WXS) together, as DevTools does. Throws `file:line:col: msg` on error. */
export function compileWxml(root: string, wxml: string[], wxs: string[]): void {
  compiler.wxmlToJs(root, { wxmlList: wxml, wxsList: wxs, maxBuffer: MAX_BUFFER });
}

/** Compiles all WXSS together (imports resolve against the full list). Returns error text or null. */
export function compileWxss(root: string, wxss: string[]): string | null {
  const res = wcsc(
    root,
    wxss.map((f) => f.replace(/\.wxss$/, '')),
    { maxBuffer: MAX_BUFFER },
  );
  return res instanceof Error ? res.message.trim() : null;
}
