// Files the mini-program uploaded straight to storage, as an action accepts them.
// Clients upload with wx.cloud.uploadFile and hand the action a file id; storage's
// security rules (storage.rules.json) only let a signed-in user write under the
// upload folders, and only files they created. Everything else is checked here,
// where the id is accepted, by one helper every such action uses:
//   - the id names a file of this environment's storage, in the field's folder —
//     for a user's own uploads, under <folder>/<their user id>/;
//   - its extension is of a type the field takes;
//   - (strict fields) the file exists, is no bigger than the field allows, and its
//     first bytes are what its extension says (images and sheets are read; video
//     and audio, read only by the players, are judged by extension and the type
//     storage reports);
//   - (published images) WeChat's image check passes (content-check.ts).
// Refusals name the field in Chinese.
import type { Caller } from './caller';
import { checkImage } from './content-check';
import { AppError, invalid } from './errors';
import { cloud, tcb } from './sdk';

export type FileKind = 'image' | 'video' | 'audio' | 'sheet';

const EXTENSIONS: Record<FileKind, string[]> = {
  image: ['jpg', 'jpeg', 'png', 'webp', 'gif'],
  video: ['mp4', 'mov', 'm4v'],
  audio: ['mp3', 'm4a', 'aac', 'wav'],
  sheet: ['xlsx', 'csv'],
};
const KIND_NAMES: Record<FileKind, string> = {
  image: '图片',
  video: '视频',
  audio: '音频',
  sheet: 'Excel 或 CSV 表格',
};

const MB = 1024 * 1024;

export interface FileRule {
  /** The field's Chinese label, as its schema names it. */
  label: string;
  kinds: FileKind[];
  maxBytes: number;
  /** The upload folder: `avatars` means avatars/<the caller's user id>/… when `own`, else avatars/… */
  folder: string;
  /** A user's own upload: it must lie under their own folder. */
  own: boolean;
  /** Shown to everyone: images go through WeChat's image check. */
  published: boolean;
  /**
   * Whether the file itself is read (exists, size, first bytes, image check); a field
   * that is not strict would be checked by its id alone (environment, folder, type).
   * Every field is strict.
   */
  strict: boolean;
}

/** Every field that takes a file id, with what it takes. The client's upload paths are the folders. */
export const FILE_RULES = {
  avatar: {
    label: '头像',
    kinds: ['image'],
    maxBytes: 2 * MB,
    folder: 'avatars',
    own: true,
    // Others see it: a meeting's page shows who is coming by their avatars.
    published: true,
    strict: true,
  },
  nominationPhoto: {
    label: '照片',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'nominations',
    own: true,
    published: true,
    strict: true,
  },
  importSheet: {
    label: '上传的文件',
    kinds: ['sheet'],
    maxBytes: 5 * MB,
    folder: 'imports',
    own: false,
    published: false,
    strict: true,
  },
  candidatePhoto: {
    label: '照片',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'candidates',
    own: false,
    published: true,
    strict: true,
  },
  lectureCover: {
    label: '封面',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'lectures',
    own: false,
    published: true,
    strict: true,
  },
  lectureMedia: {
    label: '媒体文件',
    kinds: ['video', 'audio'],
    maxBytes: 500 * MB,
    folder: 'lectures',
    own: false,
    published: false,
    strict: true,
  },
  campaignCover: {
    label: '封面',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'campaigns',
    own: false,
    published: true,
    strict: true,
  },
  stationPhoto: {
    label: '照片',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'stations',
    own: false,
    published: true,
    strict: true,
  },
  goodsImage: {
    label: '商品图片',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'goods',
    own: false,
    published: true,
    strict: true,
  },
  /** Self-reported volunteer service photos and organisers' backfill evidence: the member and organisers only. */
  volunteerPhoto: {
    label: '照片',
    kinds: ['image'],
    maxBytes: 2 * MB,
    folder: 'volunteer',
    own: true,
    published: false,
    strict: true,
  },
  /** 随手拍 photos: checked by WeChat's asynchronous media check before anyone but organisers sees them (cases engine). */
  casePhoto: {
    label: '照片',
    kinds: ['image'],
    maxBytes: 2 * MB,
    folder: 'cases',
    own: true,
    published: false,
    strict: true,
  },
  quoteBackground: {
    label: '背景图',
    kinds: ['image'],
    maxBytes: MB,
    folder: 'quotes',
    own: false,
    published: true,
    strict: true,
  },
} satisfies Record<string, FileRule>;

export interface AcceptedFile {
  fileId: string;
  /** The path inside the bucket, e.g. avatars/u1/1.png. */
  path: string;
  name: string;
  /** The file's bytes, when they were read (images and sheets of strict fields). */
  bytes?: Buffer;
}

/** This environment's id: storage ids of this environment start cloud://<envId>. */
function currentEnv(): string {
  const ctx = tcb.getCloudbaseContext() as unknown as Record<string, unknown>;
  return String(ctx.TCB_ENV || process.env.TCB_ENV || process.env.SCF_NAMESPACE || '');
}

export function parseFileId(fileId: string): { host: string; path: string } | null {
  const m = /^cloud:\/\/([^/\s]+)\/(\S+)$/.exec(fileId);
  if (!m) return null;
  const path = m[2]!;
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return null;
  return { host: m[1]!, path };
}

const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

function looksLike(kind: FileKind, ext: string, bytes: Buffer): boolean {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  switch (kind) {
    case 'image':
      return (
        starts(0x89, 0x50, 0x4e, 0x47) ||
        starts(0xff, 0xd8, 0xff) ||
        starts(0x47, 0x49, 0x46, 0x38) ||
        (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
      );
    case 'sheet':
      // An .xlsx is a zip; a .csv is text (no NUL bytes).
      return ext === 'xlsx' ? starts(0x50, 0x4b, 0x03, 0x04) : !bytes.subarray(0, 4096).includes(0);
    default:
      return true;
  }
}

/** A refusal worded as the schemas word theirs: 输入有误「头像」：… */
const bad = (label: string, what: string) => invalid(`输入有误「${label}」：${what}`);

const describeSize = (bytes: number) =>
  bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * Accepts a file id for a field, or throws INVALID_ARGUMENT naming the field
 * (UNAVAILABLE when storage or the image check cannot answer: fail closed).
 */
export async function acceptFile(caller: Caller, fileId: string, rule: FileRule): Promise<AcceptedFile> {
  const { label } = rule;
  const parsed = parseFileId(fileId);
  const env = currentEnv();
  if (!parsed || !env || !parsed.host.startsWith(`${env}.`)) throw bad(label, `不是本小程序存储里的文件，请重新上传`);
  const folder = rule.own ? `${rule.folder}/${caller.user?._id ?? ''}/` : `${rule.folder}/`;
  if (!parsed.path.startsWith(folder) || (rule.own && !caller.user))
    throw bad(label, rule.own ? '不是你上传的文件，请重新上传' : `不在${rule.folder}/下，请重新上传`);
  const name = parsed.path.slice(parsed.path.lastIndexOf('/') + 1);
  const ext = extensionOf(name);
  const kind = rule.kinds.find((k) => EXTENSIONS[k].includes(ext));
  const allowed = rule.kinds.map((k) => `${KIND_NAMES[k]}（${EXTENSIONS[k].join('、')}）`).join('或');
  if (!kind) throw bad(label, `应为${allowed}`);
  const accepted: AcceptedFile = { fileId, path: parsed.path, name };
  if (!rule.strict) return accepted;

  const info = await fileInfo(fileId);
  if (!info) throw bad(label, `找不到上传的文件，请重新上传`);
  if (info.size > rule.maxBytes) throw bad(label, `不能超过 ${describeSize(rule.maxBytes)}`);
  if (kind === 'video' || kind === 'audio') {
    if (info.mime && !info.mime.startsWith(`${kind}/`) && info.mime !== 'application/octet-stream')
      throw bad(label, `应为${allowed}`);
    return accepted;
  }
  const bytes = await download(fileId, label);
  if (bytes.length > rule.maxBytes) throw bad(label, `不能超过 ${describeSize(rule.maxBytes)}`);
  if (!looksLike(kind, ext, bytes)) throw bad(label, `内容不是${KIND_NAMES[kind]}，请重新上传`);
  if (rule.published && kind === 'image') await checkImage(bytes, label);
  return { ...accepted, bytes };
}

/**
 * Accepts a list of file ids (a candidate's photos); ids in `kept` — already the
 * stored value, checked when they were first accepted — pass as they are.
 */
export async function acceptFiles(
  caller: Caller,
  fileIds: string[],
  rule: FileRule,
  kept: readonly string[] = [],
): Promise<void> {
  for (const [i, id] of fileIds.entries()) {
    if (kept.includes(id)) continue;
    await acceptFile(caller, id, fileIds.length > 1 ? { ...rule, label: `${rule.label}第 ${i + 1} 个` } : rule);
  }
}

async function fileInfo(fileId: string): Promise<{ size: number; mime: string } | null> {
  let item: { code?: string; size?: number; mime?: string } | undefined;
  try {
    const res = await cloud().getFileInfo({ fileList: [fileId] });
    item = res.fileList?.[0];
  } catch {
    throw new AppError('UNAVAILABLE', '文件存储暂时不可用，请稍后再试');
  }
  if (!item) throw new AppError('UNAVAILABLE', '文件存储暂时不可用，请稍后再试');
  if (
    item.code === 'STORAGE_FILE_NONEXIST' ||
    item.code === 'STORAGE_EXCEED_AUTHORITY' ||
    item.code === 'INVALID_PARAM'
  )
    return null;
  if (item.code !== 'SUCCESS') throw new AppError('UNAVAILABLE', '文件存储暂时不可用，请稍后再试');
  return { size: Number(item.size) || 0, mime: String(item.mime ?? '') };
}

async function download(fileId: string, label: string): Promise<Buffer> {
  try {
    return (await cloud().downloadFile({ fileID: fileId })).fileContent as Buffer;
  } catch {
    throw bad(label, `找不到上传的文件，请重新上传`);
  }
}

const DELETED_OR_NOT_OURS = ['SUCCESS', 'STORAGE_FILE_NONEXIST', 'STORAGE_EXCEED_AUTHORITY', 'INVALID_PARAM'];

/** Deletes files (a deleted account's uploads); files already gone are fine. */
export async function deleteFiles(fileIds: string[]): Promise<void> {
  const ids = [...new Set(fileIds.filter((id) => parseFileId(id)))];
  for (let i = 0; i < ids.length; i += 50) {
    let fileList: { code?: string }[] | undefined;
    try {
      ({ fileList } = await cloud().deleteFile({ fileList: ids.slice(i, i + 50) }));
    } catch {
      throw new AppError('UNAVAILABLE', '文件存储暂时不可用，请稍后再试');
    }
    // Gone already, or not this storage's to delete: nothing left to do for it.
    const failed = (fileList ?? []).find((f) => !DELETED_OR_NOT_OURS.includes(String(f.code)));
    if (failed) throw new AppError('UNAVAILABLE', '文件存储暂时不可用，请稍后再试');
  }
}

/**
 * Temporary download URLs of stored files (files only their creator may read, such
 * as avatars, shown to others by the function); files that cannot be resolved are
 * left out — a picture missing is never worth failing a page for.
 */
export async function downloadUrls(fileIds: string[]): Promise<string[]> {
  const urls = await downloadUrlsById(fileIds);
  return [...urls.values()];
}

/** The same, by file id (at most 50 ids; those that cannot be resolved are absent). */
export async function downloadUrlsById(fileIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(fileIds.filter((id) => parseFileId(id)))].slice(0, 50);
  if (!ids.length) return new Map();
  try {
    const { fileList } = await cloud().getTempFileURL({ fileList: ids });
    const urls = new Map(
      (fileList as { fileID?: string; tempFileURL?: string; code?: string }[])
        .filter((f) => f.code === 'SUCCESS' && f.tempFileURL && f.fileID)
        .map((f) => [f.fileID!, f.tempFileURL!]),
    );
    return new Map(ids.flatMap((id) => (urls.has(id) ? [[id, urls.get(id)!] as const] : [])));
  } catch (err) {
    console.error(JSON.stringify({ message: 'temp file urls failed', error: String(err) }));
    return new Map();
  }
}
