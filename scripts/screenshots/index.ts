// `npm run screenshots [-- --only <text>] [--no-overview]`: every page of app.json in
// each of its states (test/screens/catalog.ts), with the demo data, as a 375 × 812
// phone screen at device scale 2, in docs/screenshots/<page>[-<state>].png, plus
// docs/screenshots/overview.png (the contact sheet the README shows). Fails, naming
// page and state, when a page throws, renders blank, shows a raw binding or
// undefined/null/NaN, or is wider than the screen.
//
//   1. build the functions; start two emulators (the demo seed; an empty district)
//   2. arrange the viewers' own activity through the real functions
//   3. capture each page in the page-test runtime (jest + miniprogram-simulate),
//      one page per test file
//   4. photograph and check each capture with Debian's Chromium
process.env.TZ ??= 'Asia/Shanghai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import type { Capture, CaptureContext } from '../../test/screens/types';
import { CATALOG, shotName } from '../../test/screens/catalog';
import { arrangeDemo, arrangeEmpty, VIEWERS } from '../../test/screens/fixtures';
import { allPages } from '../../test/screens/manifest';
import { buildFunctions } from '../build-functions';
import { spawnEmulator, waitForExit, type EmulatorProcess } from '../dev/process';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { PROJECT_ROOT } from '../manifests/paths';
import { orgSeed } from '../seed/orgs';
import { openBrowser, photograph, type Finding } from './camera';
import { contactSheet } from './contact-sheet';

const WORK = join(PROJECT_ROOT, '.tmp/screens');
const SHOTS = join(PROJECT_ROOT, 'docs/screenshots');
/** Nothing listens here: the "network is down" backend. */
const DOWN = 'http://127.0.0.1:9';

function callerOf(emu: EmulatorProcess) {
  return async <T>(openid: string, fn: string, action: string, data: unknown = {}, at?: string): Promise<T> => {
    const res = await fetch(`${emu.functionsUrl}${fn}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wx-openid': openid,
        // A pinned server clock (deadlines need a day the working-day calendar covers).
        ...(at ? { 'x-emulator-now': at } : {}),
      },
      body: JSON.stringify({ action, data }),
    });
    const reply = (await res.json()) as { ok: boolean; data: T; code?: string; message?: string };
    if (!reply.ok) throw new Error(`${fn}.${action} as ${openid}: ${reply.code} ${reply.message}`);
    return reply.data;
  };
}

/** A user's upload from the mini-program (wx.cloud.uploadFile), as the emulator takes it. */
function uploaderOf(emu: EmulatorProcess) {
  return async (openid: string, cloudPath: string, content: Buffer): Promise<string> => {
    const form = new FormData();
    form.append('cloudPath', cloudPath);
    form.append('file', new Blob([new Uint8Array(content)], { type: 'image/png' }), 'photo.png');
    const res = await fetch(`${emu.url}/storage/client-upload`, {
      method: 'POST',
      headers: { 'x-wx-openid': openid },
      body: form,
    });
    if (!res.ok) throw new Error(`upload ${cloudPath} as ${openid}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { fileID: string }).fileID;
  };
}

async function seedOrgsOnly(emu: EmulatorProcess): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  const app = tcb.init({ env: emu.envId, serviceUrl: emu.adminUrl, secretId: 'shots', secretKey: 'shots' });
  await orgSeed.run(app.database(), new Date(), app);
}

/** One jest test file per page: jest gives each file its own module registry. */
function writeCaptureTests(pages: string[]): string {
  const dir = join(WORK, 'tests');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const capture = join(PROJECT_ROOT, 'test/screens/capture');
  for (const page of pages) {
    const file = join(dir, `${shotName(page, { name: '' })}.test.ts`);
    writeFileSync(
      file,
      `import { capturePage } from ${JSON.stringify(capture)};\n` +
        `test(${JSON.stringify(page)}, () => capturePage(${JSON.stringify(page)}), 180_000);\n`,
    );
  }
  return dir;
}

function runCaptures(ctx: CaptureContext): boolean {
  const res = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/jest/bin/jest.js'), '--config', join(__dirname, 'jest.config.js'), '--silent'],
    { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, SCREENS_CONTEXT: JSON.stringify(ctx) } },
  );
  return res.status === 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-overview': { type: 'boolean' } } });
  const pages = allPages().filter((p) => !values.only || p.includes(values.only));
  const missing = allPages().filter((p) => !CATALOG[p]);
  if (missing.length) {
    console.error(`pages without states in test/screens/catalog.ts: ${missing.join(', ')}`);
    return 1;
  }
  console.log('› Building cloud functions…');
  await buildFunctions({
    srcDir: join(PROJECT_ROOT, 'cloudfunctions'),
    outDir: loadCloudbaseConfig().functionRoot,
    log: () => {},
  });
  console.log('› Starting the demo and the empty emulator…');
  const env = { ADMIN_OPENIDS: VIEWERS.organiser };
  const [demo, empty] = await Promise.all([
    spawnEmulator(['--port', '0', '--memory', '--no-timers', '--seed'], env),
    spawnEmulator(['--port', '0', '--memory', '--no-timers'], env),
  ]);
  const findings: Finding[] = [];
  try {
    await seedOrgsOnly(empty);
    const fixtures = await arrangeDemo(callerOf(demo), uploaderOf(demo));
    await arrangeEmpty(callerOf(empty));
    const outDir = join(WORK, 'captures');
    rmSync(outDir, { recursive: true, force: true });
    writeCaptureTests(pages);
    console.log(`› Capturing ${pages.length} pages…`);
    if (!runCaptures({ outDir, backends: { demo: demo.url, empty: empty.url, down: DOWN }, fixtures })) {
      findings.push({ file: '(capture)', problem: 'a page could not be captured (see the jest output above)' });
    }
    mkdirSync(SHOTS, { recursive: true });
    const captures = (existsSync(outDir) ? readdirSync(outDir) : [])
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(outDir, f), 'utf8')) as Capture)
      .sort((a, b) => allPages().indexOf(a.page) - allPages().indexOf(b.page) || a.state.localeCompare(b.state));
    for (const page of pages) {
      for (const s of CATALOG[page]!) {
        if (!captures.some((c) => c.page === page && c.state === s.name))
          findings.push({ file: shotName(page, s), problem: 'was not captured' });
      }
    }
    console.log(`› Photographing ${captures.length} screens…`);
    const browser = await openBrowser();
    try {
      for (const c of captures) {
        const problems = await photograph(browser, c, join(SHOTS, `${c.file}.png`));
        for (const problem of problems) findings.push({ file: c.file, problem });
        console.log(`  ${problems.length ? '✖' : '✔'} ${c.file}${problems.length ? `: ${problems.join('; ')}` : ''}`);
      }
      if (!values['no-overview'] && !values.only) {
        await contactSheet(browser, captures, SHOTS, join(SHOTS, 'overview.png'));
        console.log(`› Overview: ${join('docs/screenshots', 'overview.png')}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    demo.child.kill('SIGTERM');
    empty.child.kill('SIGTERM');
    await Promise.all([waitForExit(demo.child), waitForExit(empty.child)]);
  }
  if (findings.length) {
    console.error(`\n${findings.length} problem(s):`);
    for (const f of findings) console.error(`  ${f.file}: ${f.problem}`);
    return 1;
  }
  console.log(`\nAll screens fine: docs/screenshots/ (${resolve(SHOTS)})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
