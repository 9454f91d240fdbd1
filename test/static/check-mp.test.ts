// The compile check must fail loudly, naming file and line, when a page breaks.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-mp-'));
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

describe('check:mp', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyProject();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when a WXML tag is left unclosed, fails and names the file and line', () => {
    const file = join(dir, 'miniprogram/pages/home/index.wxml');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('<view class="banner-sub">', '<view class="banner-sub"><text>');
    writeFileSync(file, lines.join('\n'));

    const res = runCheck(dir);

    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/pages\/home\/index\.wxml:3:\d+: expect end-tag `text`/);
  });

  it('when a WXSS rule is malformed, fails and names the file and line', () => {
    writeFileSync(join(dir, 'miniprogram/pages/me/index.wxss'), '.a {\n  color: red;\n.b { } }}\n');

    const res = runCheck(dir);

    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/pages\/me\/index\.wxss\(3:\d+\)/);
  });

  it('when app.json lists a page that does not exist, fails naming it', () => {
    const appJson = join(dir, 'miniprogram/app.json');
    const app = JSON.parse(readFileSync(appJson, 'utf8'));
    app.pages.push('pages/missing/index');
    writeFileSync(appJson, JSON.stringify(app));

    const res = runCheck(dir);

    expect(res.status).toBe(1);
    expect(res.stderr).toContain('pages/missing/index');
  });

  it('when a subpackage page uses another subpackage’s component, fails naming both', () => {
    const pageJson = join(dir, 'miniprogram/packages/study/pages/quotes/index.json');
    const json = JSON.parse(readFileSync(pageJson, 'utf8'));
    json.usingComponents['fraud-tab'] = '/packages/campaign/pages/admin-campaign-manage/components/fraud/index';
    writeFileSync(pageJson, JSON.stringify(json));

    const res = runCheck(dir);

    expect(res.status).toBe(1);
    expect(res.stderr).toContain(
      'packages/study/pages/quotes/index.json: component <fraud-tab> → "/packages/campaign/pages/admin-campaign-manage/components/fraud/index" lives in subpackage packages/campaign/',
    );
  });
});
