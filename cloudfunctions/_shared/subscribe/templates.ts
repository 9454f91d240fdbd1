// Subscribe-message templates from the function's environment, for every engine
// that notifies by subscribe message (sign-ups, cases). A template is chosen in
// the WeChat console (小程序后台 → 订阅消息 → 选用 a one-time template, which shows
// its id and keyword layout); its id goes in an environment variable
// (e.g. SIGNUP_TEMPLATE_PROMOTED) and, when the layout differs from the engine's
// default, the layout in <NAME>_KEYS: "title:thing1,time:time2,…" — our field →
// the template's keyword, whose type is its name without digits (values.ts fits
// each value to that type's rules). Unset against the local emulator: a dev-tpl-…
// placeholder; unset in production: that notice is not offered or sent.
import { fitText, fitTime } from './values';

type Env = Record<string, string | undefined>;

export interface SubscribeTemplate<F extends string = string> {
  id: string;
  /** Our field → the template's keyword, e.g. title → thing1. */
  keys: Partial<Record<F, string>>;
}

export interface TemplateSpec<F extends string> {
  /** The environment variable holding the template id, e.g. SIGNUP_TEMPLATE_PROMOTED. */
  env: string;
  /** The id used against the local emulator when none is configured. */
  devId: string;
  /** The keyword layout unless <env>_KEYS says otherwise. */
  keys: Partial<Record<F, string>>;
  /** Our fields a layout may name. */
  fields: readonly F[];
}

/** Whether this function talks to the local emulator (the SDK's service URL is a loopback address). */
export function againstLocalEmulator(env: Env = process.env): boolean {
  try {
    const url = (JSON.parse(env.TCB_CONTEXT_CNFG ?? '{}') as { URL?: unknown }).URL;
    if (typeof url !== 'string') return false;
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

const KEYWORD = /^[a-z_]+\d+$/;
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/;

function parseKeys<F extends string>(text: string | undefined, spec: TemplateSpec<F>): Partial<Record<F, string>> {
  if (!text?.trim()) return spec.keys;
  const keys: Partial<Record<F, string>> = {};
  for (const pair of text.split(',')) {
    const [ours, theirs] = pair.split(':').map((s) => s.trim());
    if (!(spec.fields as readonly string[]).includes(ours ?? '') || !KEYWORD.test(theirs ?? '')) {
      throw new Error(`bad subscribe template keyword "${pair}" (expected e.g. title:thing1)`);
    }
    keys[ours as F] = theirs;
  }
  return keys;
}

/** The template a spec names, or null when none is configured (and this is not the emulator). */
export function templateFromEnv<F extends string>(
  spec: TemplateSpec<F>,
  env: Env = process.env,
): SubscribeTemplate<F> | null {
  const configured = env[spec.env]?.trim();
  const id = configured || (againstLocalEmulator(env) ? spec.devId : '');
  if (!id) return null;
  if (!TEMPLATE_ID.test(id)) throw new Error(`${spec.env} is not a template id: ${JSON.stringify(id)}`);
  return { id, keys: parseKeys(env[`${spec.env}_KEYS`], spec) };
}

/** The message's data: each of our fields under its keyword, fitted to the keyword's rules. */
export function messageData<F extends string>(
  tpl: SubscribeTemplate<F>,
  fields: Record<F, string | Date>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, keyword] of Object.entries(tpl.keys) as [F, string][]) {
    const v = fields[field];
    data[keyword] = { value: v instanceof Date ? fitTime(keyword, v) : fitText(keyword, v) };
  }
  return data;
}

/** Which mini-program version notices open: formal (release) unless SIGNUP_MINIPROGRAM_STATE says otherwise. */
export function miniprogramState(env: Env = process.env): 'developer' | 'trial' | 'formal' {
  const s = env.SIGNUP_MINIPROGRAM_STATE;
  return s === 'developer' || s === 'trial' ? s : 'formal';
}
