// HTTP routes of the function host:
//   POST /functions/<name>                     a mini-program user's call (local development)
//   POST /_emulator/timers/<function>/<trigger> fire a timer trigger now
//   GET  /_emulator/functions                  what is configured and built
//   POST /_emulator/functions/reload           pick up rebuilt bundles
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_APPID, OPENID_HEADER } from '../constants';
import { BodyTooLargeError, PAYLOAD_LIMITS, readBody, sendBytes, sendJson } from '../core/http';
import type { Route } from '../core/service';
import type { Caller } from './context';
import { httpFailure, InvocationError } from './errors';
import type { FunctionHostService, InvocationResult } from './host';

const APPID_HEADER = 'x-wx-appid';
const UNIONID_HEADER = 'x-wx-unionid';
/** Lets tests simulate many client IPs; otherwise the socket's address is used. */
const CLIENTIP_HEADER = 'x-wx-clientip';

export function functionRoutes(host: FunctionHostService): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/functions\/([^/]+)\/?$/,
      async handle(req, res, [name]) {
        let event: unknown;
        let caller: Caller;
        try {
          event = parseEvent(await readBody(req, payloadLimit(req)));
          caller = clientCaller(req);
        } catch (err) {
          if (err instanceof BodyTooLargeError)
            return fail(res, new InvocationError('too-large', err.message, randomUUID()));
          if (!(err instanceof BadRequest)) throw err;
          return fail(res, new InvocationError('bad-request', err.message, randomUUID()));
        }
        await answer(res, host.invoke(name, withUserInfo(event, caller), caller));
      },
    },
    {
      method: 'POST',
      path: /^\/_emulator\/timers\/([^/]+)\/([^/]+)\/?$/,
      async handle(req, res, [fn, trigger]) {
        await readBody(req);
        let now: string | undefined;
        try {
          now = pinnedNow(req);
        } catch (err) {
          if (!(err instanceof BadRequest)) throw err;
          return fail(res, new InvocationError('bad-request', err.message, randomUUID()));
        }
        await answer(res, host.runTimer(fn, trigger, now));
      },
    },
    {
      method: 'PUT',
      path: /^\/_emulator\/clock\/?$/,
      async handle(req, res) {
        let body: { now?: unknown };
        try {
          body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { now?: unknown };
        } catch {
          return sendJson(res, 400, {
            code: 'INVALID_PARAM',
            message: 'body must be JSON { "now": ISO string | null }',
          });
        }
        const now = body.now === null ? null : isoInstant(body.now);
        if (now === undefined) {
          return sendJson(res, 400, { code: 'INVALID_PARAM', message: '"now" must be an ISO date string or null' });
        }
        host.clockNow = now;
        sendJson(res, 200, { now: host.clockNow });
      },
    },
    {
      method: 'GET',
      path: /^\/_emulator\/functions\/?$/,
      handle: (_req, res) => sendJson(res, 200, host.list()),
    },
    {
      method: 'POST',
      path: /^\/_emulator\/functions\/reload\/?$/,
      async handle(req, res) {
        await readBody(req);
        await host.reload();
        sendJson(res, 200, { ok: true, functions: host.list() });
      },
    },
  ];
}

/** 200 with the return value as JSON (undefined → null), or the failure's status and body. */
async function answer(res: ServerResponse, invocation: Promise<InvocationResult>): Promise<void> {
  try {
    const { requestId, json } = await invocation;
    res.setHeader('x-request-id', requestId);
    sendBytes(res, 200, Buffer.from(json ?? 'null'), 'application/json; charset=utf-8');
  } catch (err) {
    if (!(err instanceof InvocationError)) throw err;
    fail(res, err);
  }
}

/** Every reason a call produced no result is answered in one JSON shape: { code, message, requestId, errCode? }. */
function fail(res: ServerResponse, err: InvocationError): void {
  const { status, body } = httpFailure(err);
  res.setHeader('x-request-id', err.requestId);
  sendJson(res, status, body);
}

class BadRequest extends Error {}

/** CloudBase: a function's request body may be 100 KB when it is text (text/*), 6 MB otherwise. */
function payloadLimit(req: IncomingMessage): number {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return type.startsWith('text/') ? PAYLOAD_LIMITS.functionText : PAYLOAD_LIMITS.function;
}

function parseEvent(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BadRequest(`the request body is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * wx.cloud.callFunction adds `userInfo: {appId, openId}` to a client's event; so
 * does the emulator, so a handler that rejects unknown event keys fails here, not
 * in production. Identity is still read from the context only.
 */
function withUserInfo(event: unknown, caller: Caller): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event) || caller.kind !== 'client') return event;
  return { ...event, userInfo: { appId: caller.appid, openId: caller.openid } };
}

/** `x-emulator-now: <ISO>` pins the clock for one call (local testing only). */
const NOW_HEADER = 'x-emulator-now';

/** The pinned instant, undefined when the header is absent; a value that is not an ISO date is refused. */
function pinnedNow(req: IncomingMessage): string | undefined {
  const v = header(req, NOW_HEADER);
  if (v === undefined) return undefined;
  const now = isoInstant(v);
  if (now === undefined) {
    throw new BadRequest(`the ${NOW_HEADER} header must be an ISO 8601 date such as 2026-11-28T08:00:00Z, not "${v}"`);
  }
  return now;
}

// ISO 8601 as Date.parse reads it reliably: a date, optionally a time, optionally a zone.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant an ISO date string names, normalised (toISOString); undefined when it is not one. */
function isoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value.trim())) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function clientCaller(req: IncomingMessage): Caller {
  return {
    now: pinnedNow(req),
    kind: 'client',
    openid: header(req, OPENID_HEADER) ?? '',
    appid: header(req, APPID_HEADER) || LOCAL_APPID,
    unionid: header(req, UNIONID_HEADER) || undefined,
    clientIp: header(req, CLIENTIP_HEADER) || (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
