// Create or edit a lecture: kind, media upload, length, series, tags, body, the
// quiz (questions, options, correct answer) and the owner org. New lectures are
// saved unpublished; the list publishes them.
import type { LectureAdminView, LectureKind } from '../../../../../typings/study';
import { loadByIdHandlers, openedId } from '../../../../components/list-state/reload';
import { displayUrl, safeFileName, uploadFile } from '../../../../services/files';
import { studyApi } from '../../../../services/study';
import { errorMessage, toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { LECTURE_KIND_LABELS, LECTURE_KINDS } from '../../utils/labels';
import { loadAdminOrgs, type OrgChoice } from '../../utils/owner-orgs';
import {
  checkLectureForm,
  emptyLectureForm,
  lectureForm,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  newOption,
  newQuestion,
  toSaveLecture,
} from './form';

type Status = 'loading' | 'ready' | 'error';
type TextField = 'title' | 'speaker' | 'speakerTitle' | 'duration' | 'series' | 'tags' | 'body' | 'passPercent';

async function findLecture(id: string): Promise<LectureAdminView | null> {
  try {
    return await studyApi('adminGetLecture', { id });
  } catch (err) {
    if ((err as { code?: string }).code === 'NOT_FOUND') return null;
    throw err;
  }
}

const extension = (path: string, fallback: string) =>
  /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1]?.toLowerCase() ?? fallback;

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    form: emptyLectureForm(),
    coverUrl: '',
    kinds: LECTURE_KINDS.map((value) => ({ value, label: LECTURE_KIND_LABELS[value] })),
    letters: 'ABCDEF'.split(''),
    bodyHint: '可用简单的 HTML：<p>段落</p>、<strong>加粗</strong>、<h3>小标题</h3>、<ul><li>列表</li></ul>',
    maxOptions: MAX_OPTIONS,
    maxQuestions: MAX_QUESTIONS,
    orgChoices: [] as OrgChoice[],
    orgLabels: [] as string[],
    uploading: '' as '' | 'media' | 'cover',
    saving: false,
    formError: '',
  },
  methods: {
    ...loadByIdHandlers(),
    async load() {
      const id = openedId(this);
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        const orgs = await loadAdminOrgs(profile);
        this.setData({ orgChoices: orgs.choices, orgLabels: orgs.choices.map((c) => c.label) });
        if (!id) {
          this.setData({ status: 'ready', form: emptyLectureForm(orgs.choices[0]) });
          return;
        }
        const lecture = await findLecture(id);
        if (!lecture) {
          this.setData({ status: 'error', error: '找不到这门课程，可能已被删除' });
          return;
        }
        wx.setNavigationBarTitle({ title: '编辑课程' });
        this.setData({
          status: 'ready',
          form: lectureForm(lecture, orgs.names.get(lecture.orgId) ?? ''),
          coverUrl: displayUrl(lecture.coverFileId),
        });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    onRetry() {
      this.load();
    },

    // --- fields
    onText(e: DetailEvent<{ value: string }, { field: TextField }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    onKind(e: DetailEvent<{ value: LectureKind }>) {
      this.setData({ 'form.kind': e.detail.value, formError: '' });
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const org = this.data.orgChoices[Number(e.detail.value)];
      if (org) this.setData({ 'form.orgId': org.id, 'form.orgName': org.name, formError: '' });
    },

    // --- uploads
    async onPickMedia() {
      if (this.data.uploading) return;
      const kind = this.data.form.kind;
      let path = '';
      let name = '';
      let durationSec = 0;
      try {
        if (kind === 'video') {
          const res = await wx.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'] });
          const f = res.tempFiles[0];
          if (!f) return;
          path = f.tempFilePath;
          name = `视频.${extension(path, 'mp4')}`;
          durationSec = Math.round(f.duration || 0);
        } else {
          const res = await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['mp3', 'm4a', 'aac', 'wav'] });
          const f = res.tempFiles[0];
          if (!f) return;
          path = f.path;
          name = f.name;
        }
      } catch {
        return; // cancelled
      }
      this.setData({ uploading: 'media' });
      try {
        const ext = extension(name || path, kind === 'video' ? 'mp4' : 'mp3');
        const fileId = await uploadFile(`lectures/${Date.now()}-${kind}.${ext}`, path);
        this.setData({
          'form.mediaFileId': fileId,
          'form.mediaName': safeFileName(name) || '已上传',
          ...(durationSec && !this.data.form.duration.trim() ? { 'form.duration': String(durationSec) } : {}),
          formError: '',
        });
      } catch (err) {
        toastError(err, '上传失败，请稍后再试');
      } finally {
        this.setData({ uploading: '' });
      }
    },
    async onPickCover() {
      if (this.data.uploading) return;
      let path = '';
      try {
        const res = await wx.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
        path = res.tempFiles[0]?.tempFilePath ?? '';
      } catch {
        return;
      }
      if (!path) return;
      this.setData({ uploading: 'cover' });
      try {
        const fileId = await uploadFile(`lectures/covers/${Date.now()}.${extension(path, 'jpg')}`, path);
        this.setData({ 'form.coverFileId': fileId, coverUrl: displayUrl(fileId) });
      } catch (err) {
        toastError(err, '上传失败，请稍后再试');
      } finally {
        this.setData({ uploading: '' });
      }
    },

    // --- quiz editor
    onAddQuestion() {
      if (this.data.form.quiz.length >= MAX_QUESTIONS) return;
      this.setData({ [`form.quiz[${this.data.form.quiz.length}]`]: newQuestion(), formError: '' });
    },
    onRemoveQuestion(e: TapEvent<{ q: number }>) {
      const quiz = this.data.form.quiz.filter((_, i) => i !== e.currentTarget.dataset.q);
      this.setData({ 'form.quiz': quiz, formError: '' });
    },
    onQuestionText(e: DetailEvent<{ value: string }, { q: number }>) {
      this.setData({ [`form.quiz[${e.currentTarget.dataset.q}].question`]: e.detail.value, formError: '' });
    },
    onOptionText(e: DetailEvent<{ value: string }, { q: number; o: number }>) {
      const { q, o } = e.currentTarget.dataset;
      this.setData({ [`form.quiz[${q}].options[${o}].text`]: e.detail.value, formError: '' });
    },
    onAddOption(e: TapEvent<{ q: number }>) {
      const q = e.currentTarget.dataset.q;
      const options = this.data.form.quiz[q]?.options;
      if (!options || options.length >= MAX_OPTIONS) return;
      this.setData({ [`form.quiz[${q}].options[${options.length}]`]: newOption() });
    },
    onRemoveOption(e: TapEvent<{ q: number; o: number }>) {
      const { q, o } = e.currentTarget.dataset;
      const item = this.data.form.quiz[q];
      if (!item || item.options.length <= 2) return;
      const options = item.options.filter((_, i) => i !== o);
      // Keep the same correct option when one before it goes; fall back to the first.
      const answer = item.answer === o ? 0 : item.answer > o ? item.answer - 1 : item.answer;
      this.setData({ [`form.quiz[${q}].options`]: options, [`form.quiz[${q}].answer`]: answer });
    },
    onAnswer(e: TapEvent<{ q: number; o: number }>) {
      const { q, o } = e.currentTarget.dataset;
      this.setData({ [`form.quiz[${q}].answer`]: o, formError: '' });
    },

    // --- save
    async onSave() {
      if (this.data.saving || this.data.uploading) return;
      const form = this.data.form;
      const problem = checkLectureForm(form);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        const saved = await studyApi('saveLecture', toSaveLecture(form));
        wx.showToast({ title: form.id ? '已保存' : '已创建，发布后学员可见', icon: 'none' });
        this.setData({ 'form.id': saved.id });
        wx.navigateBack({ delta: 1 });
      } catch (err) {
        this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
