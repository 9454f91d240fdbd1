// Inspection and control routes for tests and local development:
//   GET|DELETE /_emulator/outbox                       subscribe messages "sent"
//   GET|PUT    /_emulator/openapi/blocked-words        the content-security block list
//   GET|POST|DELETE /_emulator/openapi/subscribe-refusals   users who refuse messages:
//     POST {"openid", "templateId"?, "errcode"?: 43101 | 20004} (default 43101)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../core/http';
import type { Route } from '../core/service';
import { parseWordList } from './blocked-words';
import { type OpenApiState, REFUSAL_MESSAGES, type RefusalCode } from './state';
import { isPlainObject } from './wx-reply';

export function openApiRoutes(state: OpenApiState): Route[] {
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
