// Stand-ins for the WeChat open APIs the project calls through the SDK
// (callWxOpenApi → wx.api, callCompatibleWxOpenApi → wx.openApi): content
// security, subscribe messages and mini-program codes. Anything else is refused
// as unsupported rather than answered with something plausible.
import { unsupported } from '../core/errors';
import {
  type AdminHandler,
  type AdminRequest,
  type EmulatorService,
  RawReply,
  type Route,
  type ServiceContext,
} from '../core/service';
import { OPEN_APIS } from './apis';
import { initialBlockedWords } from './blocked-words';
import { MediaPushes, type PushInvoker } from './media-push';
import { apiNameOf, mediaOf, requestDataOf } from './request';
import { openApiRoutes } from './routes';
import { OpenApiState } from './state';
import type { WxReply } from './wx-reply';

export interface OpenApiOptions {
  /** Content-security block list; defaults to EMULATOR_BLOCKED_WORDS, then a few test words. */
  blockedWords?: string[];
  /**
   * 消息推送 as the mini-program's console configures it: which function receives
   * each pushed event, e.g. { wxa_media_check: 'cases' } (media-check verdicts).
   */
  messagePush?: Record<string, string>;
  /** How long after a media_check_async call its verdict is pushed (default 100 ms). */
  mediaCheckDelayMs?: number;
}

export class OpenApiService implements EmulatorService {
  readonly name = 'openapi';
  private readonly state: OpenApiState;
  private readonly pushes: MediaPushes;
  readonly routes: Route[];
  readonly adminActions: Record<string, AdminHandler> = {
    // JSON in, JSON out: WeChat's reply travels as a string in data.responseData.
    'wx.api': async (req: AdminRequest) => {
      const apiName = apiNameOf(req);
      const api = lookup(apiName);
      if (api.media) {
        throw unsupported(
          `open API ${apiName} through callWxOpenApi: it takes the image itself, which wx.api's JSON body cannot carry; ` +
            `use app.callCompatibleWxOpenApi({ apiName: '${apiName}', requestData: <the image bytes> })`,
        );
      }
      if (api.binary) {
        throw unsupported(
          `open API ${apiName} through callWxOpenApi: it answers image bytes, which wx.api's JSON reply cannot carry; ` +
            `use app.callCompatibleWxOpenApi({ apiName: '${apiName}', requestData: Buffer.from(JSON.stringify(body)) })`,
        );
      }
      const reply = await api.call(requestDataOf(req), this.state);
      return { data: { responseData: reply.kind === 'json' ? JSON.stringify(reply.body) : '' } };
    },
    // The body comes back raw. Plain "application/json" (not "…; charset=utf-8",
    // which the SDK would parse) keeps WeChat's JSON a Buffer, as in production.
    'wx.openApi': async (req: AdminRequest) => {
      const apiName = apiNameOf(req);
      const api = lookup(apiName);
      if (api.media) {
        const bytes = mediaOf(req);
        if (looksLikeJson(bytes)) {
          throw unsupported(
            `open API ${apiName} with a JSON body: it takes the image bytes themselves as requestData ` +
              '(to check an image by URL use /wxa/media_check_async, whose verdict is pushed later)',
          );
        }
        return toRaw(api.media(bytes, this.state));
      }
      return toRaw(await api.call(requestDataOf(req), this.state));
    },
  };

  constructor(options: OpenApiOptions = {}) {
    this.state = new OpenApiState(initialBlockedWords(options.blockedWords));
    this.pushes = new MediaPushes(this.state, {
      messagePush: options.messagePush ?? {},
      delayMs: options.mediaCheckDelayMs ?? 100,
    });
    this.routes = openApiRoutes(this.state, this.pushes);
  }

  start(ctx: ServiceContext): void {
    this.state.baseUrl = ctx.baseUrl;
    this.pushes.start(() => ctx.service('functions') as unknown as PushInvoker | undefined);
  }

  stop(): void {
    this.pushes.stop();
  }

  reset(): void {
    this.state.reset();
  }

  describe(): string[] {
    return [
      `openapi: ${Object.keys(OPEN_APIS).join(', ')}; subscribe messages land in GET /_emulator/outbox`,
      `openapi: content security blocks ${this.state.blockedWords.map((w) => JSON.stringify(w)).join(', ') || 'nothing'}`,
      `openapi: media-check verdicts pushed to ${this.pushes.target ? `function ${this.pushes.target}` : 'no function (none configured)'}`,
    ];
  }
}

function lookup(apiName: string) {
  const api = OPEN_APIS[apiName];
  if (!api) throw unsupported(`open API ${apiName} (emulated: ${Object.keys(OPEN_APIS).join(', ')})`);
  return api;
}

/** A JSON object or array, as a caller mistaking this API for a JSON one would send. */
function looksLikeJson(bytes: Buffer): boolean {
  const text = bytes.toString('utf8').trim();
  if (!/^[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const toRaw = (reply: WxReply) =>
  reply.kind === 'json'
    ? new RawReply(Buffer.from(JSON.stringify(reply.body)), 'application/json')
    : new RawReply(reply.body, reply.contentType);
