// 随手拍 photos and WeChat's asynchronous content check. On submission each photo
// (already accepted by _shared/files.ts: the raiser's own upload, an image, its
// size) is sent to security.mediaCheckAsync by a temporary URL; WeChat answers a
// trace id at once and pushes the verdict later (消息推送, event wxa_media_check,
// to the cases function's mediaCheckResult). Until a photo has passed, nobody but
// the case's organisers sees it; a risky or doubtful verdict keeps it hidden for
// good. The trace id is never shown to anyone, so a forged push cannot name one.
import type { MediaCheckPush } from '../../../../typings/cases';
import { cloud } from '../../sdk';
import { type CaseDoc, caseOfTrace, setPhotoCheck, setPhotoTrace } from '../../stores/cases';
import type { PhotoUrls } from './views';

const CHECK_API = '/wxa/media_check_async';
/** msgSecCheck/mediaCheckAsync scene 3: 论坛 (posts others may read). */
const SCENE = 3;

/** Temporary download links of files (missing or failed ones are left out). */
export async function photoUrls(fileIds: string[]): Promise<PhotoUrls> {
  const urls: PhotoUrls = new Map();
  const ids = [...new Set(fileIds)];
  for (let i = 0; i < ids.length; i += 50) {
    try {
      const { fileList } = await cloud().getTempFileURL({ fileList: ids.slice(i, i + 50) });
      for (const f of fileList as { fileID: string; tempFileURL?: string; code?: string }[])
        if (f.tempFileURL && (!f.code || f.code === 'SUCCESS')) urls.set(f.fileID, f.tempFileURL);
    } catch (err) {
      console.error(JSON.stringify({ message: 'temp file urls failed', error: String(err) }));
    }
  }
  return urls;
}

/**
 * Starts the media check of every photo of a case just submitted. A check that
 * cannot be started leaves its photo pending (hidden); the case stands.
 */
export async function startPhotoChecks(c: CaseDoc, openid: string): Promise<void> {
  if (!c.photos.length) return;
  const urls = await photoUrls(c.photos.map((p) => p.fileId));
  for (const [index, photo] of c.photos.entries()) {
    const url = urls.get(photo.fileId);
    if (!url) continue;
    try {
      const res = await cloud().callWxOpenApi({
        apiName: CHECK_API,
        requestData: { media_url: url, media_type: 2, version: 2, scene: SCENE, openid },
      });
      const reply = (res as { result?: { errcode?: number; trace_id?: string } }).result ?? {};
      if (reply.errcode !== 0 || !reply.trace_id) {
        console.error(JSON.stringify({ message: 'media check refused', caseId: c._id, errcode: reply.errcode }));
        continue;
      }
      photo.traceId = reply.trace_id;
      await setPhotoTrace(c._id, index, photo.fileId, reply.trace_id);
    } catch (err) {
      console.error(JSON.stringify({ message: 'media check failed', caseId: c._id, error: String(err) }));
    }
  }
}

/** Applies a pushed verdict to the photo it belongs to: pass shows it, anything else keeps it hidden. */
export async function applyVerdict(push: MediaCheckPush, now: Date): Promise<{ applied: boolean }> {
  const c = await caseOfTrace(push.trace_id);
  if (!c) return { applied: false };
  const index = c.photos.findIndex((p) => p.traceId === push.trace_id);
  if (index < 0) return { applied: false };
  const passed = (push.errcode ?? 0) === 0 && push.result.suggest === 'pass';
  return { applied: await setPhotoCheck(c._id, index, push.trace_id, passed ? 'pass' : 'rejected', now) };
}
