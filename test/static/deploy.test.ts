// `npm run deploy`: the dry run as a subprocess (no credentials, any network access
// fails the process), the credential check, the plan, and the executor against a
// recording fake of the manager-node methods it calls.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCloudbaseConfig, parseCloudbaseConfig } from '../../scripts/manifests/cloudbaserc';
import { loadSchema, parseSchema } from '../../scripts/manifests/database';
import { expressionProblem, loadStorageRules, parseStorageRules } from '../../scripts/manifests/storage-rules';
import type { ManagerClient, RemoteFunction, RemoteIndex } from '../../scripts/deploy/client';
import { executePlan, formatResult } from '../../scripts/deploy/execute';
import { describeIndex } from '../../scripts/deploy/format';
import { compareIndexes, toCreateIndex } from '../../scripts/deploy/indexes';
import { loadDeployInputs, projectFiles } from '../../scripts/deploy/inputs';
import { type DeployInputs, messagePushSteps, planDeployment, redactPlan } from '../../scripts/deploy/plan';
import { compareTriggers } from '../../scripts/deploy/triggers';

const root = resolve(__dirname, '../..');
const CLOSED_RULE = '{"read":false,"write":false}';

// ---------------------------------------------------------------------------
// The command, as a subprocess

let tmp: string;
let networkBlocker: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  // Preloaded into the deploy process: any TCP connection or DNS lookup ends it with 97.
  networkBlocker = join(tmp, 'block-network.js');
  writeFileSync(
    networkBlocker,
    `const net = require('node:net');
const dns = require('node:dns');
const block = (what) => { process.stderr.write('NETWORK ACCESS: ' + what + '\\n'); process.exit(97); };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const local = (typeof first === 'string' && Number.isNaN(Number(first))) || (first && typeof first === 'object' && typeof first.path === 'string');
  if (!local) block('connect ' + String(first && first.host) + ':' + String(first && first.port));
  return connect.apply(this, args);
};
dns.lookup = (host) => block('dns.lookup ' + host);
dns.promises.lookup = async (host) => block('dns.promises.lookup ' + host);
`,
  );
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function deploy(args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('TENCENTCLOUD_') || name === 'ADMIN_OPENIDS') delete env[name];
  }
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${networkBlocker}`.trim();
  Object.assign(env, extraEnv);
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const res = spawnSync(tsx, [join(root, 'scripts/deploy/index.ts'), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const config = loadCloudbaseConfig(join(root, 'cloudbaserc.json'));
const collections = loadSchema(join(root, 'database.json'));
const storageRules = loadStorageRules(join(root, 'storage.rules.json'));
const hasSource = (name: string) => existsSync(join(root, 'cloudfunctions', name, 'index.ts'));

test('the network blocker used below does stop a tsx script that connects out', () => {
  const script = join(tmp, 'connect.ts');
  writeFileSync(script, "require('node:net').connect(443, 'example.com');\n");
  const res = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [script], {
    env: { ...process.env, NODE_OPTIONS: `--require ${networkBlocker}` },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(res.status).toBe(97);
  expect(res.stderr).toMatch(/NETWORK ACCESS: connect example\.com:443/);
});

describe('npm run deploy -- --dry-run (subprocess, no credentials, no network)', () => {
  let out: ReturnType<typeof deploy>;
  beforeAll(() => {
    out = deploy(['--dry-run', '--env', 'test-env']);
  });

  test('exits 0 without touching the network', () => {
    expect(out.stderr).not.toMatch(/NETWORK ACCESS/);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/environment test-env/);
    expect(out.stdout).toMatch(/Dry run: nothing was built or sent/);
  });

  test('lists every declared function: deployed when its source exists, clearly skipped otherwise', () => {
    expect(config.functions.length).toBeGreaterThan(1);
    expect(hasSource('user')).toBe(true);
    for (const f of config.functions) {
      if (hasSource(f.name)) {
        expect(out.stdout).toContain(`function ${f.name}: create or update, code from build/cloudfunctions/${f.name}`);
      } else {
        expect(out.stdout).toContain(
          `function ${f.name}: SKIPPED, not deployed — no source (cloudfunctions/${f.name}/index.ts does not exist)`,
        );
      }
    }
    expect(out.stdout).toMatch(/config: runtime Nodejs18\.15, timeout 20 s, memory 128 MB, .*installDependency false/);
    expect(out.stdout).toMatch(/environment: TZ=Asia\/Shanghai/);
  });

  test("shows the scheduler's timer trigger", () => {
    const scheduler = config.functions.find((f) => f.name === 'scheduler')!;
    expect(scheduler.triggers).toEqual([{ name: 'every-10-minutes', cron: '0 */10 * * * * *' }]);
    expect(out.stdout).toMatch(/timer trigger every-10-minutes: 0 \*\/10 \* \* \* \* \*/);
  });

  test('lists every collection with its indexes and the closed security rule', () => {
    expect(collections.length).toBeGreaterThan(0);
    for (const c of collections) {
      const section = sectionOf(out.stdout, `collection ${c.name}: create if missing`);
      for (const ix of c.indexes) expect(section).toContain(`index ${describeIndex(ix)}: create if missing`);
      if (c.indexes.length === 0) expect(section).toContain('indexes: none declared');
      expect(section).toContain(`security rule (自定义安全规则): ${CLOSED_RULE}`);
    }
    expect(out.stdout).toContain('index uniq_openid { openid: 1 } unique');
  });

  test('shows the storage security rule of storage.rules.json, after the database and before the functions', () => {
    const rule = JSON.stringify({ read: storageRules.read, write: storageRules.write });
    expect(out.stdout).toContain(`Storage (storage.rules.json): set the bucket’s security rule`);
    expect(out.stdout).toContain(`  security rule (自定义安全规则): ${rule}`);
    const at = (s: string) => out.stdout.indexOf(s);
    expect(at('Database collections')).toBeLessThan(at('Storage (storage.rules.json)'));
    expect(at('Storage (storage.rules.json)')).toBeLessThan(at('Cloud functions (cloudbaserc.json)'));
  });

  test('warns that ADMIN_OPENIDS is unset', () => {
    expect(out.stdout).toMatch(
      /ADMIN_OPENIDS is not set in your shell: the deployed functions would have no superadmin/,
    );
  });

  test('with ADMIN_OPENIDS set, shows how many openids and never which', () => {
    const res = deploy(['--dry-run', '--env', 'test-env'], { ADMIN_OPENIDS: 'oSecretAlpha01, oSecretBravo02' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/ADMIN_OPENIDS: 2 superadmin openid\(s\) from your shell \(values not shown\)/);
    expect(res.stdout).toContain('ADMIN_OPENIDS=<2 openids, not shown>');
    expect(res.stdout).not.toMatch(/oSecret/);
    expect(res.stdout).not.toMatch(/ADMIN_OPENIDS is not set/);
  });

  test('without --env, uses the <envId> placeholder', () => {
    const res = deploy(['--dry-run']);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/environment <envId>/);
  });

  test('--json prints the plan as JSON, the same plan planDeployment makes', () => {
    const res = deploy(['--dry-run', '--json', '--env', 'test-env'], { ADMIN_OPENIDS: 'oSecretAlpha01' });
    expect(res.status).toBe(0);
    const printed = JSON.parse(res.stdout);
    const expected = redactPlan(
      planDeployment(
        loadDeployInputs({ files: projectFiles(root), envId: 'test-env', only: null, env: { ADMIN_OPENIDS: 'x' } }),
      ),
    );
    expect(printed).toEqual(expected);
    expect(printed.adminOpenidCount).toBe(1);
    expect(res.stdout).not.toMatch(/oSecret/);
    expect(printed.collections.map((c: { name: string }) => c.name)).toEqual(collections.map((c) => c.name));
    expect(printed.functions.map((f: { name: string }) => f.name)).toEqual(config.functions.map((f) => f.name));
  });

  test('--only storage deploys the storage rule alone', () => {
    const res = deploy(['--dry-run', '--json', '--only', 'storage']);
    expect(res.status).toBe(0);
    const printed = JSON.parse(res.stdout);
    expect(printed).toMatchObject({ scope: 'storage', functions: [], collections: [], warnings: [] });
    expect(printed.storage.rule).toEqual({ read: storageRules.read, write: storageRules.write });
  });

  test('--only database leaves the functions out', () => {
    const res = deploy(['--dry-run', '--json', '--only', 'database']);
    expect(res.status).toBe(0);
    const printed = JSON.parse(res.stdout);
    expect(printed).toMatchObject({ scope: 'database', functions: [], envId: '<envId>' });
    expect(printed.collections).toHaveLength(collections.length);
    expect(printed.warnings).toEqual([]);
  });
});

describe('npm run deploy (real run) refuses early', () => {
  const bundle = join(root, 'build/cloudfunctions/user/index.js');

  test('missing credentials: exit 2, names the variables, builds and sends nothing', () => {
    const before = existsSync(bundle) ? statSync(bundle).mtimeMs : null;
    const res = deploy(['--env', 'test-env']);
    expect(res.stderr).not.toMatch(/NETWORK ACCESS/);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are not set/);
    expect(res.stdout).not.toMatch(/Building|Deploying/);
    expect(existsSync(bundle) ? statSync(bundle).mtimeMs : null).toBe(before);
  });

  test('names only the variable that is missing', () => {
    const res = deploy(['--env', 'test-env'], { TENCENTCLOUD_SECRETID: 'AKIDtest' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/Missing credentials: TENCENTCLOUD_SECRETKEY is not set/);
  });

  test('an unknown flag prints the usage and exits 2', () => {
    const res = deploy(['--dry-run', '--force']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/Unknown option '--force'/);
    expect(res.stderr).toMatch(/usage: npm run deploy -- --env <envId>/);
  });

  test('a real run without --env exits 2', () => {
    const res = deploy([], { TENCENTCLOUD_SECRETID: 'AKIDtest', TENCENTCLOUD_SECRETKEY: 'k' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/--env <envId> is required/);
  });
});

/** The lines of one "collection X" block of the text plan. */
function sectionOf(text: string, header: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === header);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => !l.startsWith('    '));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

// ---------------------------------------------------------------------------
// planDeployment

function inputs(overrides: Partial<DeployInputs> = {}): DeployInputs {
  return {
    envId: 'env-1',
    only: null,
    functions: [
      {
        name: 'user',
        timeoutSec: 20,
        memoryMb: 128,
        runtime: 'Nodejs18.15',
        envVariables: { TZ: 'Asia/Shanghai' },
        triggers: [],
      },
      {
        name: 'scheduler',
        timeoutSec: 60,
        memoryMb: 256,
        runtime: 'Nodejs18.15',
        envVariables: {},
        triggers: [{ name: 'tick', cron: '0 */10 * * * * *' }],
      },
    ],
    sourceDir: 'cloudfunctions',
    bundleDir: 'build/cloudfunctions',
    presentSources: ['user', 'scheduler'],
    collections: [
      {
        name: 'users',
        indexes: [
          { name: 'uniq_openid', keys: { openid: 1 }, unique: true },
          { name: 'by_org', keys: { 'worker.orgPath': 1, createdAt: -1 } },
        ],
        rule: { read: false, write: false },
      },
      { name: 'empty', indexes: [], rule: { read: false, write: false } },
    ],
    adminOpenids: 'oAdmin1,oAdmin2',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// The manifests (scripts/manifests): the deploy, the build and the dev emulator read them

describe('cloudbaserc.json', () => {
  test('declares the domain functions, and the scheduler with its timers, in CloudBase form', () => {
    expect(config.functions.map((f) => f.name)).toEqual([
      'user',
      'study',
      'station',
      'roundtable',
      'volunteer',
      'campaign',
      'cases',
      'office',
      'scheduler',
    ]);
    for (const f of config.functions) expect(f.envVariables.TZ).toBe('Asia/Shanghai');
    expect(config.functions.find((f) => f.name === 'scheduler')?.triggers).toEqual([
      // CloudBase allows one timer trigger per function; daily work is picked by time inside.
      { name: 'every-10-minutes', cron: '0 */10 * * * * *' },
    ]);
    expect(config.functionRoot).toMatch(/build\/cloudfunctions$/);
    expect(loadCloudbaseConfig()).toEqual(config);
  });

  test('a bad entry is refused with an error naming it', () => {
    const bad = { functions: [{ name: 'ok' }, { name: 'report', timeout: 'soon' }] };
    expect(() => parseCloudbaseConfig(bad, 'rc.json')).toThrow(/functions\[1\] \("report"\): timeout/);
  });

  const withTimer = (cron: string) => ({
    functions: [{ name: 'tick', triggers: [{ name: 'timer', type: 'timer', config: cron }] }],
  });

  test('a timer with 6 fields, a bad field or a year out of range is refused naming the function and trigger', () => {
    expect(() => parseCloudbaseConfig(withTimer('0 */10 * * * *'), 'rc.json')).toThrow(
      /functions\[0\] \("tick"\): trigger "timer": .*must have 7 fields/,
    );
    expect(() => parseCloudbaseConfig(withTimer('0 99 * * * * *'), 'rc.json')).toThrow(/trigger "timer": .*not valid/);
    expect(() => parseCloudbaseConfig(withTimer('0 0 0 1 1 * 1969'), 'rc.json')).toThrow(/year field/);
  });

  test('a year CloudBase accepts is accepted (the emulator alone refuses years other than *)', () => {
    const parsed = parseCloudbaseConfig(withTimer('0 0 0 1 1 * 2030,2032-2034'), 'rc.json');
    expect(parsed.functions[0]?.triggers).toEqual([{ name: 'timer', cron: '0 0 0 1 1 * 2030,2032-2034' }]);
  });

  test('an unreadable file is refused naming it', () => {
    expect(() => loadCloudbaseConfig(join(tmp, 'missing-rc.json'))).toThrow(/missing-rc\.json: cannot read/);
  });
});

describe('database.json', () => {
  test('is read from the project root by default', () => {
    expect(loadSchema()).toEqual(collections);
    expect(collections.map((c) => c.name)).toEqual(expect.arrayContaining(['users', 'campaigns', 'nominations']));
  });

  test('a bad collection name, a keyless index or a bad direction is refused naming it', () => {
    expect(() => parseSchema({ collections: { '1bad': {} } }, 'db.json')).toThrow(
      /db\.json: invalid collection name "1bad"/,
    );
    expect(() => parseSchema({ collections: { books: { indexes: [{ name: 'k', keys: {} }] } } }, 'db.json')).toThrow(
      /collection "books", index "k": no keys/,
    );
    const sideways = { collections: { books: { indexes: [{ name: 'k', keys: { a: 2 as 1 } }] } } };
    expect(() => parseSchema(sideways, 'db.json')).toThrow(/key "a" must have direction 1, -1 or "2dsphere"/);
    const uniqueGeo = {
      collections: { places: { indexes: [{ name: 'g', keys: { at: '2dsphere' as const }, unique: true }] } },
    };
    expect(() => parseSchema(uniqueGeo, 'db.json')).toThrow(/a 2dsphere index cannot be unique/);
  });

  test('the stations collection has its 2dsphere index, deployed with that direction', () => {
    const stations = collections.find((c) => c.name === 'stations')!;
    const geo = stations.indexes.find((ix) => ix.keys.location === '2dsphere')!;
    expect(toCreateIndex(geo)).toEqual({
      IndexName: 'geo_location',
      MgoKeySchema: { MgoIndexKeys: [{ Name: 'location', Direction: '2dsphere' }], MgoIsUnique: false },
    });
  });
});

describe('planDeployment', () => {
  test('plans each collection with its indexes (unique ones unique) and the custom rule as JSON', () => {
    const plan = planDeployment(inputs());
    expect(plan.collections).toEqual([
      {
        name: 'users',
        indexes: [
          { name: 'uniq_openid', keys: { openid: 1 }, unique: true },
          { name: 'by_org', keys: { 'worker.orgPath': 1, createdAt: -1 }, unique: false },
        ],
        rule: { read: false, write: false },
        ruleJson: CLOSED_RULE,
      },
      { name: 'empty', indexes: [], rule: { read: false, write: false }, ruleJson: CLOSED_RULE },
    ]);
    expect(plan.manualSteps).toEqual([]);
  });

  test('asks for the message push (消息推送) by hand when the function receiving it is deployed', () => {
    expect(messagePushSteps(['user', 'study'])).toEqual([]);
    expect(messagePushSteps(['user', 'cases'])).toEqual([
      expect.stringMatching(/wxa_media_check → cloud function "cases"/),
    ]);
  });

  test('keeps a collection-specific rule as written', () => {
    const rule = { read: 'doc._openid == auth.openid', write: false };
    const plan = planDeployment(inputs({ collections: [{ name: 'notes', indexes: [], rule }] }));
    expect(plan.collections[0]!.ruleJson).toBe('{"read":"doc._openid == auth.openid","write":false}');
  });

  test('plans functions with config, installDependency false, ADMIN_OPENIDS and timer triggers', () => {
    const plan = planDeployment(inputs());
    expect(plan.functions[1]).toEqual({
      name: 'scheduler',
      action: 'deploy',
      source: 'cloudfunctions/scheduler/index.ts',
      bundle: 'build/cloudfunctions/scheduler',
      uploadIgnore: ['**/*.map'],
      runtime: 'Nodejs18.15',
      timeoutSec: 60,
      memoryMb: 256,
      handler: 'index.main',
      installDependency: false,
      envVariables: { ADMIN_OPENIDS: 'oAdmin1,oAdmin2' },
      triggers: [{ name: 'tick', type: 'timer', cron: '0 */10 * * * * *' }],
    });
    expect(plan.functions[0]!.envVariables).toEqual({ TZ: 'Asia/Shanghai', ADMIN_OPENIDS: 'oAdmin1,oAdmin2' });
    expect(plan.adminOpenidCount).toBe(2);
    expect(plan.warnings).toEqual([]);
  });

  test('a function without source is skipped with the reason, and warned about', () => {
    const plan = planDeployment(inputs({ presentSources: ['user'] }));
    expect(plan.functions[1]).toMatchObject({
      name: 'scheduler',
      action: 'skipped',
      skipReason: 'no source (cloudfunctions/scheduler/index.ts does not exist)',
    });
    expect(plan.warnings).toContain(
      'function scheduler is not deployed: no source (cloudfunctions/scheduler/index.ts does not exist)',
    );
  });

  test('ADMIN_OPENIDS unset (or blank): no variable, and a warning', () => {
    for (const adminOpenids of [undefined, ' , ']) {
      const plan = planDeployment(inputs({ adminOpenids }));
      expect(plan.adminOpenidCount).toBe(0);
      expect(plan.functions[0]!.envVariables).toEqual({ TZ: 'Asia/Shanghai' });
      expect(plan.warnings[0]).toMatch(/^ADMIN_OPENIDS is not set .* no superadmin/);
    }
  });

  test('redactPlan replaces the openids by their count', () => {
    const shown = redactPlan(planDeployment(inputs()));
    expect(shown.functions[0]!.envVariables.ADMIN_OPENIDS).toBe('<2 openids, not shown>');
    expect(JSON.stringify(shown)).not.toMatch(/oAdmin/);
  });

  test('--only narrows the plan; no --env gives the placeholder', () => {
    const db = planDeployment(inputs({ only: 'database', adminOpenids: undefined, envId: null }));
    expect(db).toMatchObject({ envId: '<envId>', scope: 'database', functions: [], warnings: [] });
    expect(db.collections).toHaveLength(2);
    const fns = planDeployment(inputs({ only: 'functions' }));
    expect(fns).toMatchObject({ scope: 'functions', collections: [] });
    expect(fns.functions).toHaveLength(2);
  });
});

describe('index and trigger comparison', () => {
  const uniq = { name: 'uniq_openid', keys: { openid: 1 as const }, unique: true };
  const byOrg = { name: 'by_org', keys: { 'worker.orgPath': 1 as const, createdAt: -1 as const }, unique: false };
  const remote = (Name: string, keys: [string, string][], Unique = false): RemoteIndex => ({
    Name,
    Keys: keys.map(([n, d]) => ({ Name: n, Direction: d })),
    Unique,
  });

  test('an index present by name with the same keys is kept; a missing one is created', () => {
    const decisions = compareIndexes(
      [uniq, byOrg],
      [remote('_id_', [['_id', '1']]), remote('uniq_openid', [['openid', '1']], true)],
    );
    expect(decisions.map((d) => d.kind)).toEqual(['present', 'create']);
  });

  test('the same keys under another name count as present', () => {
    const [d] = compareIndexes(
      [byOrg],
      [
        remote('worker.orgPath_1_createdAt_-1', [
          ['worker.orgPath', '1'],
          ['createdAt', '-1'],
        ]),
      ],
    );
    expect(d).toMatchObject({ kind: 'present', remoteName: 'worker.orgPath_1_createdAt_-1' });
  });

  test('a same-named index with other keys or uniqueness is a conflict, not re-created', () => {
    expect(compareIndexes([uniq], [remote('uniq_openid', [['openid', '1']], false)])[0]!.kind).toBe('conflict');
    expect(
      compareIndexes(
        [byOrg],
        [
          remote('by_org', [
            ['createdAt', '-1'],
            ['worker.orgPath', '1'],
          ]),
        ],
      )[0]!.kind,
    ).toBe('conflict');
  });

  test('toCreateIndex gives UpdateTable its key schema', () => {
    expect(toCreateIndex(byOrg)).toEqual({
      IndexName: 'by_org',
      MgoKeySchema: {
        MgoIndexKeys: [
          { Name: 'worker.orgPath', Direction: '1' },
          { Name: 'createdAt', Direction: '-1' },
        ],
        MgoIsUnique: false,
      },
    });
    expect(toCreateIndex(uniq).MgoKeySchema.MgoIsUnique).toBe(true);
  });

  test('triggers: same cron kept, changed cron replaced, undeclared timer removed', () => {
    const declared = [
      { name: 'a', type: 'timer' as const, cron: '0 0 * * * * *' },
      { name: 'b', type: 'timer' as const, cron: '0 */5 * * * * *' },
      { name: 'c', type: 'timer' as const, cron: '0 0 1 * * * *' },
    ];
    const changes = compareTriggers(declared, [
      { TriggerName: 'a', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}' },
      { TriggerName: 'b', Type: 'timer', TriggerDesc: '0 */10 * * * * *' },
      { TriggerName: 'old', Type: 'timer', TriggerDesc: '{"cron":"0 0 0 * * * *"}' },
      { TriggerName: 'http', Type: 'http', TriggerDesc: '{}' },
    ]);
    expect(changes.unchanged.map((t) => t.name)).toEqual(['a']);
    expect(changes.remove).toEqual(['b', 'old']);
    expect(changes.create.map((t) => t.name)).toEqual(['b', 'c']);
  });
});

// ---------------------------------------------------------------------------
// The executor, against a recording fake of the manager-node methods

interface Call {
  method: string;
  args: unknown[];
}

class FakeManager implements ManagerClient {
  readonly calls: Call[] = [];
  /** Remote state. */
  readonly remoteFunctions = new Map<string, RemoteFunction>();
  readonly remoteCollections = new Map<string, RemoteIndex[]>();
  /** "method target" → error thrown by that call. */
  readonly failures = new Map<string, Error>();

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(`${method} ${targetOf(args)}`);
    if (failure) throw failure;
  }

  /** "method target" per call, for order assertions. */
  get log(): string[] {
    return this.calls.map((c) => `${c.method} ${targetOf(c.args)}`);
  }

  functions: ManagerClient['functions'] = {
    getFunctionDetail: async (name) => {
      this.record('getFunctionDetail', name);
      const f = this.remoteFunctions.get(name);
      if (!f) throw Object.assign(new Error(`function ${name} not found`), { code: 'ResourceNotFound.FunctionName' });
      return f;
    },
    createFunction: async (param) => {
      this.record('createFunction', param);
      this.remoteFunctions.set(param.func.name, { Runtime: param.func.runtime, Triggers: [] });
    },
    updateFunctionCode: async (param) => this.record('updateFunctionCode', param),
    updateFunctionConfig: async (func) => this.record('updateFunctionConfig', func),
    waitFunctionActive: async (name) => this.record('waitFunctionActive', name),
    createFunctionTriggers: async (name, triggers) => this.record('createFunctionTriggers', name, triggers),
    deleteFunctionTrigger: async (name, triggerName) => this.record('deleteFunctionTrigger', name, triggerName),
  };

  database: ManagerClient['database'] = {
    checkCollectionExists: async (name) => {
      this.record('checkCollectionExists', name);
      return { Exists: this.remoteCollections.has(name) };
    },
    createCollection: async (name) => {
      this.record('createCollection', name);
      this.remoteCollections.set(name, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: false }]);
    },
    describeCollection: async (name) => {
      this.record('describeCollection', name);
      return { Indexes: this.remoteCollections.get(name) ?? [] };
    },
    updateCollection: async (name, change) => this.record('updateCollection', name, change),
  };

  permission: ManagerClient['permission'] = {
    modifyResourcePermission: async (options) => this.record('modifyResourcePermission', options),
  };

  storage: ManagerClient['storage'] = {
    setStorageAcl: async (acl, rule) => this.record('setStorageAcl', acl, rule),
  };

  /** The arguments of each call of one method, in order. */
  argsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}

/** The function or collection a call is about. */
function targetOf(args: unknown[]): string | undefined {
  const a = args[0];
  if (typeof a === 'string') return a;
  const o = a as { func?: { name?: string }; name?: string; resource?: string };
  return o.func?.name ?? o.name ?? o.resource;
}

function runPlan(plan = planDeployment(inputs()), fake = new FakeManager()) {
  const lines: string[] = [];
  return executePlan(plan, fake, { projectRoot: '/project', log: (l) => lines.push(l) }).then((result) => ({
    result,
    fake,
    lines,
  }));
}

describe('executePlan with a fake manager client', () => {
  test('fresh environment: creates collections, indexes, rules, then functions and triggers, in order', async () => {
    const { result, fake } = await runPlan();
    expect(result).toMatchObject({ ok: true, notAttempted: [] });
    expect(fake.log).toEqual([
      'checkCollectionExists users',
      'createCollection users',
      'updateCollection users',
      'updateCollection users',
      'modifyResourcePermission users',
      'checkCollectionExists empty',
      'createCollection empty',
      'modifyResourcePermission empty',
      'getFunctionDetail user',
      'createFunction user',
      'getFunctionDetail scheduler',
      'createFunction scheduler',
      'createFunctionTriggers scheduler',
    ]);
    expect(fake.argsOf('updateCollection').map((a) => a[1])).toEqual([
      { CreateIndexes: [toCreateIndex({ name: 'uniq_openid', keys: { openid: 1 }, unique: true })] },
      { CreateIndexes: [toCreateIndex({ name: 'by_org', keys: { 'worker.orgPath': 1, createdAt: -1 } })] },
    ]);
    expect(fake.argsOf('modifyResourcePermission')[0]).toEqual([
      { resourceType: 'collection', resource: 'users', permission: 'CUSTOM', securityRule: CLOSED_RULE },
    ]);
    expect(fake.argsOf('createFunction')[0]).toEqual([
      {
        func: {
          name: 'user',
          runtime: 'Nodejs18.15',
          handler: 'index.main',
          installDependency: false,
          ignore: ['**/*.map'],
          timeout: 20,
          memorySize: 128,
          envVariables: { TZ: 'Asia/Shanghai', ADMIN_OPENIDS: 'oAdmin1,oAdmin2' },
        },
        functionPath: resolve('/project', 'build/cloudfunctions/user'),
        force: false,
      },
    ]);
    expect(fake.argsOf('createFunctionTriggers')[0]).toEqual([
      'scheduler',
      [{ name: 'tick', type: 'timer', config: '0 */10 * * * * *' }],
    ]);
  });

  test('existing function is updated (code, then config), not re-created; existing index is not re-created', async () => {
    const fake = new FakeManager();
    fake.remoteCollections.set('users', [
      { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: false },
      { Name: 'uniq_openid', Keys: [{ Name: 'openid', Direction: '1' }], Unique: true },
    ]);
    fake.remoteCollections.set('empty', []);
    fake.remoteFunctions.set('user', { Runtime: 'Nodejs18.15', Triggers: [] });
    fake.remoteFunctions.set('scheduler', {
      Runtime: 'Nodejs18.15',
      Triggers: [{ TriggerName: 'tick', Type: 'timer', TriggerDesc: '{"cron":"0 */10 * * * * *"}' }],
    });
    const { result, lines } = await runPlan(planDeployment(inputs()), fake);
    expect(result.ok).toBe(true);
    expect(fake.log).toEqual([
      'checkCollectionExists users',
      'describeCollection users',
      'updateCollection users',
      'modifyResourcePermission users',
      'checkCollectionExists empty',
      'describeCollection empty',
      'modifyResourcePermission empty',
      'getFunctionDetail user',
      'updateFunctionCode user',
      'waitFunctionActive user',
      'updateFunctionConfig user',
      'waitFunctionActive user',
      'getFunctionDetail scheduler',
      'updateFunctionCode scheduler',
      'waitFunctionActive scheduler',
      'updateFunctionConfig scheduler',
      'waitFunctionActive scheduler',
    ]);
    expect(fake.argsOf('updateCollection')).toEqual([
      ['users', { CreateIndexes: [toCreateIndex({ name: 'by_org', keys: { 'worker.orgPath': 1, createdAt: -1 } })] }],
    ]);
    expect(fake.argsOf('updateFunctionConfig')[0]).toEqual([
      {
        name: 'user',
        timeout: 20,
        memorySize: 128,
        envVariables: { TZ: 'Asia/Shanghai', ADMIN_OPENIDS: 'oAdmin1,oAdmin2' },
        installDependency: false,
      },
    ]);
    expect(fake.argsOf('updateFunctionCode')[0]).toEqual([
      {
        func: {
          name: 'user',
          runtime: 'Nodejs18.15',
          handler: 'index.main',
          installDependency: false,
          ignore: ['**/*.map'],
        },
        functionPath: resolve('/project', 'build/cloudfunctions/user'),
      },
    ]);
    expect(lines).toContain('  · collection users: index uniq_openid { openid: 1 } unique already exists');
    expect(lines).toContain('  · function scheduler: timer trigger tick (0 */10 * * * * *) unchanged');
  });

  test('a changed cron replaces the trigger; an undeclared timer is removed', async () => {
    const fake = new FakeManager();
    fake.remoteFunctions.set('scheduler', {
      Runtime: 'Nodejs18.15',
      Triggers: [
        { TriggerName: 'tick', Type: 'timer', TriggerDesc: '{"cron":"0 */5 * * * * *"}' },
        { TriggerName: 'stale', Type: 'timer', TriggerDesc: '{"cron":"0 0 0 * * * *"}' },
      ],
    });
    const plan = planDeployment(inputs({ only: 'functions', presentSources: ['scheduler'] }));
    const { result } = await runPlan(plan, fake);
    expect(result.ok).toBe(true);
    expect(fake.log.slice(-3)).toEqual([
      'deleteFunctionTrigger scheduler',
      'deleteFunctionTrigger scheduler',
      'createFunctionTriggers scheduler',
    ]);
    expect(fake.argsOf('deleteFunctionTrigger')).toEqual([
      ['scheduler', 'tick'],
      ['scheduler', 'stale'],
    ]);
  });

  test('a runtime that differs on CloudBase is reported (it cannot be changed by an update)', async () => {
    const fake = new FakeManager();
    fake.remoteFunctions.set('user', { Runtime: 'Nodejs16.13', Triggers: [] });
    const plan = planDeployment(inputs({ only: 'functions', presentSources: ['user'] }));
    const { result } = await runPlan(plan, fake);
    expect(result.ok).toBe(true);
    expect(result.warnings[0]).toMatch(/runs Nodejs16\.13 on CloudBase but cloudbaserc\.json says Nodejs18\.15/);
  });

  test('stops at the first failure and says what was and was not done', async () => {
    const fake = new FakeManager();
    fake.failures.set('createCollection empty', Object.assign(new Error('quota exceeded'), { code: 'LimitExceeded' }));
    const { result } = await runPlan(planDeployment(inputs()), fake);
    expect(result.ok).toBe(false);
    expect(fake.log.at(-1)).toBe('createCollection empty');
    expect(fake.log).not.toContain('getFunctionDetail user');
    expect(result.completed).toEqual(['collection users']);
    expect(result.failure).toEqual({
      unit: 'collection empty',
      step: 'collection empty: create',
      message: 'quota exceeded (LimitExceeded)',
    });
    expect(result.notAttempted).toEqual(['function user', 'function scheduler']);
    const summary = formatResult(result).join('\n');
    expect(summary).toMatch(/Deployment FAILED at collection empty: create/);
    expect(summary).toMatch(/Done: collection users/);
    expect(summary).toMatch(/Not done: collection empty \(stopped part-way\), function user, function scheduler/);
  });

  test('a failing security rule call stops the run with the manual instructions', async () => {
    const fake = new FakeManager();
    fake.failures.set('modifyResourcePermission users', new Error('not supported'));
    const { result } = await runPlan(planDeployment(inputs({ only: 'database' })), fake);
    expect(result.ok).toBe(false);
    expect(result.failure?.hint).toMatch(/权限设置 → 自定义安全规则, paste \{"read":false,"write":false\}/);
    expect(result.notAttempted).toEqual(['collection empty']);
  });

  test('an index whose name exists with other keys fails instead of being re-created', async () => {
    const fake = new FakeManager();
    fake.remoteCollections.set('users', [
      { Name: 'uniq_openid', Keys: [{ Name: 'openid', Direction: '1' }], Unique: false },
    ]);
    const { result } = await runPlan(planDeployment(inputs({ only: 'database' })), fake);
    expect(result.ok).toBe(false);
    expect(result.failure?.message).toMatch(/an index named uniq_openid already exists/);
    expect(fake.log).toEqual(['checkCollectionExists users', 'describeCollection users']);
  });

  test('a lookup error other than not-found stops before anything is created', async () => {
    const fake = new FakeManager();
    fake.failures.set(
      'getFunctionDetail user',
      Object.assign(new Error('auth failure'), { code: 'AuthFailure.SignatureFailure' }),
    );
    const { result } = await runPlan(planDeployment(inputs({ only: 'functions' })), fake);
    expect(result.ok).toBe(false);
    expect(result.failure?.step).toBe('function user: look up');
    expect(fake.log).toEqual(['getFunctionDetail user']);
  });
});

// ---------------------------------------------------------------------------
// Storage's security rule: the manifest, what it means, and how it is deployed

/**
 * Evaluates a rule for a request, as CloudBase would (JavaScript semantics; the
 * manifest parser has already limited it to the documented vocabulary).
 */
function allows(
  rule: boolean | string,
  auth: { openid: string } | null,
  resource: { openid: string; path: string },
): boolean {
  if (typeof rule === 'boolean') return rule;
  return new Function('auth', 'resource', `return (${rule});`)(auth, resource) === true;
}

describe('storage.rules.json', () => {
  const alice = { openid: 'oAlice' };
  const file = (path: string, openid = 'oAlice') => ({ path, openid });
  const read = (auth: { openid: string } | null, path: string, creator?: string) =>
    allows(storageRules.read, auth, file(path, creator));
  const write = (auth: { openid: string } | null, path: string, creator?: string) =>
    allows(storageRules.write, auth, file(path, creator));

  test('is CloudBase’s bucket-level { read, write } with documented expressions only', () => {
    expect(Object.keys(storageRules)).toEqual(['read', 'write']);
    expect(expressionProblem(storageRules.read as string)).toBeNull();
    expect(expressionProblem(storageRules.write as string)).toBeNull();
  });

  test('a signed-in user writes only files they created, only in the upload folders', () => {
    for (const path of [
      'avatars/u1/1.png',
      'nominations/u1/1.jpg',
      'lectures/1-video.mp4',
      'candidates/c1/1.jpg',
      'imports/1-a.csv',
    ])
      expect([path, write(alice, path)]).toEqual([path, true]);
    expect(write(null, 'avatars/u1/1.png', '')).toBe(false);
    expect(write(alice, 'avatars/u2/1.png', 'oBob')).toBe(false);
    for (const path of ['posters/quote-2026-11-28.png', 'exports/campaign.xlsx', 'other/x.png', 'avatarsx/1.png'])
      expect([path, write(alice, path)]).toEqual([path, false]);
  });

  test('published content is public; avatars, import sheets and exports only their creator’s', () => {
    for (const path of [
      'posters/q.png',
      'lectures/demo/v.mp4',
      'quotes/q/bg.png',
      'campaigns/covers/c.jpg',
      'candidates/c1/p.jpg',
      'nominations/u1/p.jpg',
    ])
      expect([path, read(null, path, 'oBob')]).toEqual([path, true]);
    for (const path of ['avatars/u1/a.png', 'imports/a.csv', 'exports/campaign.xlsx']) {
      expect([path, read(null, path, 'oBob')]).toEqual([path, false]);
      expect([path, read(alice, path, 'oBob')]).toEqual([path, false]);
    }
    expect(read(alice, 'avatars/u1/a.png', 'oAlice')).toBe(true);
  });

  test('anything CloudBase does not document is refused, naming it', () => {
    const parse = (raw: unknown) => () => parseStorageRules(raw, 'rules.json');
    expect(parse([])).toThrow(/rules\.json: expected an object/);
    expect(parse({ read: true })).toThrow(/"write" is missing/);
    expect(parse({ read: true, write: false, create: true })).toThrow(/unknown key\(s\) "create"/);
    expect(parse({ read: 'doc.openid == auth.openid', write: false })).toThrow(/"read": "doc\.openid" is not one of/);
    expect(parse({ read: '/^a\\//.test(resource.path)', write: false })).toThrow(
      /compare .* explicitly with true or false/,
    );
    expect(parse({ read: '/^(a/.test(resource.path) == true', write: false })).toThrow(/is not valid/);
    expect(parse({ read: 'auth != null &&', write: false })).toThrow(/ends without a value/);
    expect(parse({ read: 'resource.path.startsWith("a")', write: false })).toThrow(/not one of/);
    expect(parseStorageRules({ '//': 'a comment', read: true, write: 'auth != null' }, 'rules.json')).toEqual({
      read: true,
      write: 'auth != null',
    });
  });
});

describe('planDeployment and executePlan with the storage rule', () => {
  const rule = { read: true, write: 'auth != null && resource.openid == auth.openid' };
  const ruleJson = JSON.stringify(rule);

  test('the plan carries the rule unless --only names something else', () => {
    expect(planDeployment(inputs({ storageRules: rule })).storage).toEqual({ rule, ruleJson });
    expect(planDeployment(inputs({ storageRules: rule, only: 'storage' }))).toMatchObject({
      storage: { rule, ruleJson },
      functions: [],
      collections: [],
    });
    expect(planDeployment(inputs({ storageRules: rule, only: 'database' })).storage).toBeNull();
    expect(planDeployment(inputs({ storageRules: rule, only: 'functions' })).storage).toBeNull();
  });

  test('it is set as the bucket’s custom rule, after the collections and before the functions', async () => {
    const { result, fake } = await runPlan(planDeployment(inputs({ storageRules: rule })));
    expect(result.ok).toBe(true);
    expect(fake.argsOf('setStorageAcl')).toEqual([['CUSTOM', rule]]);
    const log = fake.log;
    expect(log.indexOf('setStorageAcl CUSTOM')).toBeGreaterThan(log.lastIndexOf('modifyResourcePermission empty'));
    expect(log.indexOf('setStorageAcl CUSTOM')).toBeLessThan(log.indexOf('getFunctionDetail user'));
    expect(result.completed).toContain('storage security rule');
  });

  test('a refused storage rule stops the run with the manual instructions', async () => {
    const fake = new FakeManager();
    fake.failures.set('setStorageAcl CUSTOM', new Error('not allowed'));
    const { result } = await runPlan(planDeployment(inputs({ storageRules: rule, only: 'storage' })), fake);
    expect(result.ok).toBe(false);
    expect(result.failure?.step).toBe(`storage: security rule (自定义安全规则) ${ruleJson}`);
    expect(result.failure?.hint).toMatch(/云存储 → 权限设置 → 自定义安全规则, paste/);
  });
});
