// A finished workbook into storage (exports/, readable only through the temporary
// link), as every export replies: its file id and a temporary URL.
import type { ActionContext } from '../../_shared/function';
import { cloud } from '../../_shared/sdk';

export async function uploadExport(
  ctx: ActionContext,
  name: string,
  buffer: Buffer,
): Promise<{ fileId: string; url: string }> {
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const { fileID } = await cloud().uploadFile({ cloudPath: `exports/${name}-${stamp}.xlsx`, fileContent: buffer });
  const { fileList } = await cloud().getTempFileURL({ fileList: [fileID] });
  return { fileId: fileID, url: (fileList[0] as { tempFileURL: string }).tempFileURL };
}
