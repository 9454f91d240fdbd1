// The command-line entry points: emulator:exec passes the URLs and the exit code
// through and always shuts down; the standalone emulator serves inspection routes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type EmulatorProcess, spawnEmulator, waitForExit } from '../../scripts/dev/process';
import { superadminLines } from '../../scripts/dev/superadmins';
import type { CloudbaseConfig } from '../../scripts/manifests/cloudbaserc';

const ROOT = resolve(__dirname, '../..');
const tsx = resolve(ROOT, 'node_modules/.bin/tsx');

describe('emulator:exec', () => {
  it('runs the command against a started emulator and exits with its exit code', () => {
    const script = `
      fetch(process.env.EMULATOR_URL + '/_emulator/health').then(r => r.json()).then(b => {
        if (!b.ok || !process.env.EMULATOR_ADMIN_URL.endsWith('/admin') || !process.env.EMULATOR_FUNCTIONS_URL) process.exit(9);
        process.exit(7);
      });`;
    const res = spawnSync(tsx, [resolve(ROOT, 'scripts/dev/exec.ts'), process.execPath, '-e', script], {
      encoding: 'utf8',
    });
    expect(res.status).toBe(7);
  });

  it('passes a failing command’s code through', () => {
    const res = spawnSync(tsx, [resolve(ROOT, 'scripts/dev/exec.ts'), process.execPath, '-e', 'process.exit(3)'], {
      encoding: 'utf8',
    });
    expect(res.status).toBe(3);
  });
});

describe('npm run emulator', () => {
  let emu: EmulatorProcess;
  beforeAll(async () => {
    emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers']);
  });
  afterAll(async () => {
    emu.child.kill('SIGTERM');
    expect(await waitForExit(emu.child)).toBe(0);
  });

  it('binds to loopback and lists collections, functions, the outbox and storage', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const path of ['collections', 'functions', 'outbox', 'storage']) {
      const res = await fetch(`${emu.url}/_emulator/${path}`);
      expect(res.status).toBe(200);
      expect(Array.isArray(await res.json())).toBe(true);
    }
  });

  it('lists the declared functions that have no source yet as not written yet, not as to build', async () => {
    const list = (await (await fetch(`${emu.url}/_emulator/functions`)).json()) as { name: string; written: boolean }[];
    expect(list.length).toBeGreaterThan(0);
    for (const f of list) {
      const source = `cloudfunctions/${f.name}/index.ts`;
      expect(f.written).toBe(existsSync(resolve(ROOT, source)));
      if (!f.written) expect(emu.output).toContain(`function ${f.name}: not written yet (no ${source})`);
    }
  });

  it('rejects unknown flags with the usage line', () => {
    const res = spawnSync(tsx, [resolve(ROOT, 'scripts/dev/emulator.ts'), '--bogus'], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('usage: npm run emulator');
  });
});

describe('npm start: who is superadmin', () => {
  const config = (envVariables: Record<string, string> = {}): CloudbaseConfig => ({
    functionRoot: '/build',
    functions: [{ name: 'user', timeoutSec: 3, memoryMb: 128, runtime: 'Nodejs18.15', envVariables, triggers: [] }],
  });

  it("names the shell's ADMIN_OPENIDS, split as the functions split them", () => {
    expect(superadminLines(config(), { ADMIN_OPENIDS: ' dev-admin, o-second ,' })).toEqual([
      'Superadmins (ADMIN_OPENIDS): dev-admin, o-second — call as x-wx-openid: dev-admin for admin rights',
    ]);
  });

  it("falls back to cloudbaserc.json's value, which the shell's overrides", () => {
    expect(superadminLines(config({ ADMIN_OPENIDS: 'o-declared' }), {})[0]).toContain(': o-declared —');
    expect(superadminLines(config({ ADMIN_OPENIDS: 'o-declared' }), { ADMIN_OPENIDS: 'o-shell' })[0]).toContain(
      ': o-shell —',
    );
  });

  it('says nobody is, and how to be one, when ADMIN_OPENIDS is unset or blank', () => {
    for (const overrides of [{}, { ADMIN_OPENIDS: ' , ' }] as Record<string, string>[]) {
      const lines = superadminLines(config(), overrides);
      expect(lines[0]).toMatch(/^Superadmins: nobody \(ADMIN_OPENIDS is not set\)/);
      expect(lines.join('\n')).toContain('ADMIN_OPENIDS=dev-admin npm start');
    }
  });
});
