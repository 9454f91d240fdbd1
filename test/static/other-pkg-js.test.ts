// Where code shared by subpackages may live, as miniprogram-ci's real
// checkCodeQuality decides it (through `npm run check:mp` on a copy of the
// project). The structure of miniprogram/ relies on these; docs/client.md
// explains the rule:
//   a main-package JS file fails CONTAINS_OTHER_PKG_JS when none of the files
//   that require() it is in the main package — however many subpackages use it;
//   a component's JS always has its component (in the main package) as parent.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'other-pkg-js-'));
  cpSync(join(root, 'miniprogram'), join(dir, 'miniprogram'), {
    recursive: true,
    filter: (src) => !src.includes('node_modules') && !src.includes('miniprogram_npm'),
  });
  // The built npm packages: the main package's (TDesign, the QR code library) and the admin subpackage's (uCharts).
  for (const npm of ['miniprogram_npm', 'packages/admin/miniprogram_npm'])
    symlinkSync(join(root, 'miniprogram', npm), join(dir, 'miniprogram', npm));
  cpSync(join(root, 'project.config.json'), join(dir, 'project.config.json'));
  return dir;
}

function runCheck(dir: string) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, [join(root, 'scripts/check-mp/index.ts'), '--project', dir], { encoding: 'utf8' });
}

const STUDY_PAGE = 'packages/study/pages/lectures/index';
const CAMPAIGN_PAGE = 'packages/campaign/pages/index/index';
const PROBE = "export function probe(): string {\n  return 'probe';\n}\n";

describe('CONTAINS_OTHER_PKG_JS, on real checkCodeQuality runs', () => {
  let dir: string;
  const mp = (rel: string) => join(dir, 'miniprogram', rel);
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(mp(rel)), { recursive: true });
    writeFileSync(mp(rel), text);
  };
  /** Makes `file` (a .ts) call probe() from `from`. */
  const useProbe = (file: string, from: string) =>
    writeFileSync(
      mp(file),
      `import { probe } from '${from}';\nconsole.log(probe());\n${readFileSync(mp(file), 'utf8')}`,
    );
  /** Puts <tag> on a page (its JSON and WXML). */
  const placeComponent = (page: string, tag: string, path: string) => {
    const json = JSON.parse(readFileSync(mp(`${page}.json`), 'utf8'));
    json.usingComponents[tag] = path;
    writeFileSync(mp(`${page}.json`), JSON.stringify(json));
    writeFileSync(mp(`${page}.wxml`), `${readFileSync(mp(`${page}.wxml`), 'utf8')}\n<${tag} />\n`);
  };

  beforeEach(() => {
    dir = copyProject();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails main-package JS that pages of two subpackages use and no main-package file requires', () => {
    write('utils/probe.ts', PROBE);
    useProbe(`${STUDY_PAGE}.ts`, '../../../../utils/probe');
    useProbe(`${CAMPAIGN_PAGE}.ts`, '../../../../utils/probe');

    const res = runCheck(dir);

    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/CONTAINS_OTHER_PKG_JS: .* utils\/probe\.js/);
  });

  it('passes the same JS once a main-package file requires it, and JS of a main-package component used only by subpackages', () => {
    write('utils/probe.ts', PROBE);
    useProbe(`${STUDY_PAGE}.ts`, '../../../../utils/probe');
    useProbe(`${CAMPAIGN_PAGE}.ts`, '../../../../utils/probe');
    useProbe('utils/format.ts', './probe'); // the main package's own use
    write('components/probe/index.ts', "import { probe } from './helper';\nComponent({ data: { text: probe() } });\n");
    write('components/probe/helper.ts', PROBE);
    write('components/probe/index.json', '{ "component": true, "usingComponents": {} }');
    write('components/probe/index.wxml', '<view>{{text}}</view>\n');
    placeComponent(STUDY_PAGE, 'probe-box', '/components/probe/index');
    placeComponent(CAMPAIGN_PAGE, 'probe-box', '/components/probe/index');

    const res = runCheck(dir);

    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('✔ CONTAINS_OTHER_PKG_JS');
    expect(res.status).toBe(0);
  });

  it('does not count an `import type` (it is erased): a helper the component only names as a type fails', () => {
    write(
      'components/probe/index.ts',
      "import type { Shape } from './helper';\nconst s: Shape = 'x';\nComponent({ data: { s } });\n",
    );
    write('components/probe/helper.ts', `export type Shape = string;\n${PROBE}`);
    write('components/probe/index.json', '{ "component": true, "usingComponents": {} }');
    write('components/probe/index.wxml', '<view>{{s}}</view>\n');
    placeComponent(STUDY_PAGE, 'probe-box', '/components/probe/index');
    useProbe(`${STUDY_PAGE}.ts`, '../../../../components/probe/helper');

    const res = runCheck(dir);

    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/CONTAINS_OTHER_PKG_JS: .* components\/probe\/helper\.js/);
  });
});
