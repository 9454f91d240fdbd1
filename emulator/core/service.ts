// The contract every emulator module (database, storage, open API, function host)
// implements. The registry starts them, routes /admin actions and HTTP paths to
// them, and stops and resets them.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface AdminRequest {
  /** e.g. `database.getDocument`, `storage.getUploadMetadata`, `wx.api`. */
  action: string;
  /** The body minus the envelope fields (action, envName, tokens). */
  params: Record<string, unknown>;
  env: string;
  requestId: string;
  headers: IncomingHttpHeaders;
  /** Multipart file parts (wx.openApi sends `requestData` as binary). */
  files: Record<string, Buffer>;
}

/** A reply that is not JSON (e.g. a PNG for wx.openApi). */
export class RawReply {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}
}

/** Fields merged into `{ requestId, … }`; throw EmulatorError for an error reply. */
export type AdminHandler = (
  req: AdminRequest,
) => Promise<Record<string, unknown> | RawReply> | Record<string, unknown> | RawReply;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'DELETE';
  /** Matched against the URL path (no query). Captures become `params`. */
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: string[], url: URL): Promise<void> | void;
}

export interface ServiceContext {
  /** e.g. http://127.0.0.1:9600 */
  baseUrl: string;
  envId: string;
  /** Durable data folder, or null for in-memory. */
  dataDir: string | null;
  log(message: string): void;
  /** Look up another started service by name (e.g. the function host asks for timers). */
  service<T extends EmulatorService>(name: string): T | undefined;
}

export interface EmulatorService {
  readonly name: string;
  readonly adminActions?: Record<string, AdminHandler>;
  readonly routes?: Route[];
  start?(ctx: ServiceContext): Promise<void> | void;
  stop?(): Promise<void> | void;
  /** Back to an empty state (inspection endpoint and tests). */
  reset?(): Promise<void> | void;
  /** Lines for the startup banner. */
  describe?(): string[];
}
