// Inspection and control routes for tests and local development:
//   GET|DELETE /_emulator/outbox                       subscribe messages "sent"
//   GET|PUT    /_emulator/openapi/blocked-words        the content-security block list
//   GET|POST|DELETE /_emulator/openapi/subscribe-refusals   users who refuse messages:
//     POST {"openid", "templateId"?, "errcode"?: 43101 | 20004} (default 43101)
//   GET  /_emulator/openapi/media-checks               media checks asked for, with their pushes
//   PUT  /_emulator/openapi/media-checks/hold          {"hold": true} keeps verdicts until delivered
//   POST /_emulator/openapi/media-checks/deliver       pushes the queued verdicts now
//   POST /_emulator/openapi/media-checks/take          the queued verdicts' push events, for a harness
//                                                      without a function host to deliver itself
//   POST|DELETE /_emulator/openapi/media-verdicts      {"match": "<text in the media URL>",
//                                                      "suggest": "risky" | "review" | "pass"}
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../core/http';
import type { Route } from '../core/service';
import { parseWordList } from './blocked-words';
import type { MediaSuggest } from './media-check';
import type { MediaPushes } from './media-push';
import { type OpenApiState, REFUSAL_MESSAGES, type RefusalCode } from './state';
import { isPlainObject } from './wx-reply';

const SUGGESTS: MediaSuggest[] = ['pass', 'review', 'risky'];

export function openApiRoutes(state: OpenApiState, pushes: MediaPushes): Route[] {
  const at = (path: string) => new RegExp(`^/_emulator/${path}$`);
  return [
    { method: 'GET', path: at('outbox'), handle: (_q, res) => sendJson(res, 200, state.outbox) },
    {
      method: 'DELETE',
      path: at('outbox'),
      handle: (_q, res) => {
        const deleted = state.outbox.splice(0).length;
        sendJson(res, 200, { ok: true, deleted });
      },
    },
    { method: 'GET', path: at('openapi/blocked-words'), handle: (_q, res) => sendJson(res, 200, state.blockedWords) },
    {
      method: 'PUT',
      path: at('openapi/blocked-words'),
      handle: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        const words = parseWordList(body);
        if (!Array.isArray(words)) return badRequest(res, words.error);
        state.blockedWords = words;
        sendJson(res, 200, words);
      },
    },
    {
      method: 'GET',
      path: at('openapi/subscribe-refusals'),
      handle: (_q, res) => sendJson(res, 200, state.listRefusals()),
    },
    {
      method: 'POST',
      path: at('openapi/subscribe-refusals'),
      handle: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        if (!isPlainObject(body) || typeof body.openid !== 'string' || !body.openid) {
          return badRequest(res, 'expected {"openid": "...", "templateId"?: "...", "errcode"?: 43101 | 20004}');
        }
        const { openid, templateId, errcode } = body;
        if (templateId !== undefined && (typeof templateId !== 'string' || !templateId)) {
          return badRequest(res, 'templateId must be a non-empty string when given');
        }
        if (errcode !== undefined && (typeof errcode !== 'number' || !(errcode in REFUSAL_MESSAGES))) {
          return badRequest(res, `errcode must be one of ${Object.keys(REFUSAL_MESSAGES).join(', ')} when given`);
        }
        state.refuse({
          openid,
          ...(templateId !== undefined ? { templateId: templateId as string } : {}),
          ...(errcode !== undefined ? { errcode: errcode as RefusalCode } : {}),
        });
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'DELETE',
      path: at('openapi/subscribe-refusals'),
      handle: (_q, res) => {
        state.clearRefusals();
        sendJson(res, 200, { ok: true });
      },
    },
    { method: 'GET', path: at('openapi/media-checks'), handle: (_q, res) => sendJson(res, 200, state.mediaChecks) },
    {
      method: 'PUT',
      path: at('openapi/media-checks/hold'),
      handle: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        if (!isPlainObject(body) || typeof body.hold !== 'boolean')
          return badRequest(res, 'expected {"hold": true|false}');
        state.holdMediaChecks = body.hold;
        sendJson(res, 200, { ok: true, hold: body.hold });
      },
    },
    {
      method: 'POST',
      path: at('openapi/media-checks/deliver'),
      handle: async (req, res) => {
        await readBody(req);
        if (!pushes.canDeliver())
          return badRequest(res, 'no function receives wxa_media_check here (messagePush) or no function host runs');
        sendJson(res, 200, await pushes.deliver());
      },
    },
    {
      method: 'POST',
      path: at('openapi/media-checks/take'),
      handle: async (req, res) => {
        await readBody(req);
        sendJson(res, 200, await pushes.take());
      },
    },
    {
      method: 'POST',
      path: at('openapi/media-verdicts'),
      handle: async (req, res) => {
        const body = await readJson(req, res);
        if (body === undefined) return;
        if (
          !isPlainObject(body) ||
          typeof body.match !== 'string' ||
          !body.match ||
          !SUGGESTS.includes(body.suggest as MediaSuggest)
        )
          return badRequest(
            res,
            'expected {"match": "<text in the media URL>", "suggest": "pass" | "review" | "risky"}',
          );
        state.mediaVerdicts.push({ match: body.match, suggest: body.suggest as MediaSuggest });
        sendJson(res, 200, { ok: true });
      },
    },
    {
      method: 'DELETE',
      path: at('openapi/media-verdicts'),
      handle: (_q, res) => {
        state.mediaVerdicts.length = 0;
        sendJson(res, 200, { ok: true });
      },
    },
  ];
}

const badRequest = (res: ServerResponse, message: string) => sendJson(res, 400, { code: 'INVALID_PARAM', message });

/** The parsed body, or undefined after answering 400 for it. */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  try {
    return JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8'));
  } catch (err) {
    if (err instanceof BodyTooLargeError) return undefined;
    badRequest(res, 'body must be JSON');
    return undefined;
  }
}
