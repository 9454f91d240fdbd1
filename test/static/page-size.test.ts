// Pages and components stay small: no page or component script in miniprogram/
// over 300 lines. A bigger one splits what is not its own job into helpers or
// page-private components (pages/<page>/components/<part>/).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const MAX_LINES = 300;
const MINIPROGRAM = join(__dirname, '../../miniprogram');

function lineCount(text: string): number {
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Every page or component script (an `x.ts` beside an `x.json`) under `root`, with its length. */
function pageAndComponentScripts(root: string): { file: string; lines: number }[] {
  const out: { file: string; lines: number }[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir);
    for (const name of names) {
      const full = join(dir, name);
      if (name === 'node_modules' || name === 'miniprogram_npm') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && names.includes(name.replace(/\.ts$/, '.json'))) {
        out.push({ file: relative(root, full), lines: lineCount(readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(root);
  return out;
}

const tooLong = (root: string) =>
  pageAndComponentScripts(root)
    .filter((s) => s.lines > MAX_LINES)
    .map((s) => `${s.file}: ${s.lines} lines`)
    .sort();

describe('page and component size', () => {
  it(`no page or component script in miniprogram/ is over ${MAX_LINES} lines`, () => {
    const scripts = pageAndComponentScripts(MINIPROGRAM);
    expect(scripts.length).toBeGreaterThan(30); // it really looked at the pages
    expect(tooLong(MINIPROGRAM)).toEqual([]);
  });

  describe('the check itself', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'page-size-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const write = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    const lines = (n: number) => 'const x = 1;\n'.repeat(n);

    it('names a page script of 301 lines, and a component one; 300 lines pass', () => {
      write('pages/big/index.ts', lines(301));
      write('pages/big/index.json', '{}');
      write('pages/ok/index.ts', lines(300));
      write('pages/ok/index.json', '{}');
      write('pages/ok/components/part/index.ts', lines(350));
      write('pages/ok/components/part/index.json', '{ "component": true }');

      expect(tooLong(dir)).toEqual([
        join('pages/big/index.ts') + ': 301 lines',
        join('pages/ok/components/part/index.ts') + ': 350 lines',
      ]);
    });

    it('leaves helpers (no .json beside them) to their own judgement', () => {
      write('pages/ok/index.ts', lines(10));
      write('pages/ok/index.json', '{}');
      write('pages/ok/rows.ts', lines(400));

      expect(tooLong(dir)).toEqual([]);
    });
  });
});
