// The photos of a form (a nomination, a candidate, a station): a tile per photo
// (tap to preview, 删除) and the tile that adds more, up to `max`. Picked photos
// are uploaded one by one at once, as `<folder>/<time>-<i>.jpg` (the server takes
// a field's files only from its upload folder). The form keeps the photos: each
// change — a photo uploaded or removed, an upload starting, ending or failing —
// arrives as `change` with { photos, uploading, error }.
import { displayUrl, uploadFile } from '../../services/files';
import { errorMessage } from '../../utils/errors';

export interface PickedPhoto {
  fileId: string;
  /** What <image> shows. */
  url: string;
}

export interface PhotosChange {
  photos: PickedPhoto[];
  /** Picked photos are still being uploaded (the form should not be sent yet). */
  uploading: boolean;
  /** Why an upload failed ('' = none); the photos uploaded before it stay. */
  error: string;
}

Component({
  properties: {
    photos: { type: Array, value: [] as PickedPhoto[] },
    max: { type: Number, value: 6 },
    /** Where uploads go, e.g. `nominations/<userId>`. */
    folder: { type: String, value: '' },
  },
  data: {
    uploading: false,
  },
  methods: {
    current(): PickedPhoto[] {
      return this.data.photos as PickedPhoto[];
    },
    emit(photos: PickedPhoto[], error = '') {
      const change: PhotosChange = { photos, uploading: this.data.uploading, error };
      this.triggerEvent('change', change);
    },
    async onAdd() {
      const room = this.data.max - this.current().length;
      if (room <= 0 || this.data.uploading) return;
      let paths: string[];
      try {
        const res = await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] });
        paths = res.tempFiles.map((f) => f.tempFilePath).slice(0, room);
      } catch {
        return; // cancelled
      }
      if (!paths.length) return;
      this.setData({ uploading: true });
      let photos = this.current();
      let error = '';
      this.emit(photos);
      try {
        const ts = Date.now();
        for (const [i, path] of paths.entries()) {
          const fileId = await uploadFile(`${this.data.folder}/${ts}-${i}.jpg`, path);
          photos = [...photos, { fileId, url: displayUrl(fileId) }];
          this.emit(photos);
        }
      } catch (err) {
        error = errorMessage(err, '照片上传失败，请重试');
      }
      this.setData({ uploading: false });
      this.emit(photos, error);
    },
    onRemove(e: TapEvent<{ index: number }>) {
      // While uploading, the photos being added are appended to the list as it was.
      if (this.data.uploading) return;
      this.emit(this.current().filter((_, i) => i !== e.currentTarget.dataset.index));
    },
    onPreview(e: TapEvent<{ index: number }>) {
      const urls = this.current().map((p) => p.url);
      wx.previewImage({ urls, current: urls[e.currentTarget.dataset.index] });
    },
  },
});
