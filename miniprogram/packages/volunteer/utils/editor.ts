// What an editor page's 保存 does: nothing while saving or while photos upload; the
// form's own problem shown in the form; else send, toast what was done and go
// back — or keep the form with the server's words. (A main-package copy would
// fail CONTAINS_OTHER_PKG_JS while only this subpackage imports it.)
import { errorMessage } from '../../../utils/errors';

export interface EditorPage {
  data: { saving: boolean; uploading: boolean };
  setData(data: Record<string, unknown>): void;
}

/** `send` saves and resolves with the toast's words (e.g. 已保存); `problem` is the form check's ('' = none). */
export async function saveThenBack(page: EditorPage, problem: string, send: () => Promise<string>): Promise<void> {
  if (page.data.saving || page.data.uploading) return;
  if (problem) return void page.setData({ formError: problem });
  page.setData({ saving: true, formError: '' });
  try {
    const done = await send();
    wx.showToast({ title: done, icon: 'success' });
    wx.navigateBack({ delta: 1 });
  } catch (err) {
    page.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
  } finally {
    page.setData({ saving: false });
  }
}

/** The page method for <t-input data-field="…" bind:change="onText">: that field of `form` takes the typed value. */
export function formTextHandlers() {
  return {
    onText(this: Pick<EditorPage, 'setData'>, e: DetailEvent<{ value: string }, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
  };
}
