// The one QR code of the mini-program: `text` drawn as a `size` rpx square (the
// check-in codes organisers show at the door, the pickup codes riders show at the
// counter). It redraws whenever the text changes; an empty text draws nothing.
import { drawQr, type QrCanvas } from './draw';

Component({
  properties: {
    text: { type: String, value: '' },
    /** The side on screen, in rpx. */
    size: { type: Number, value: 400 },
    /** What a screen reader says instead of the picture. */
    label: { type: String, value: '二维码' },
  },
  observers: {
    'text, size'() {
      this.draw();
    },
  },
  lifetimes: {
    ready() {
      this.draw();
    },
  },
  methods: {
    draw() {
      const { text, size } = this.data;
      if (!text) return;
      const { windowWidth, pixelRatio } = wx.getWindowInfo();
      const px = (windowWidth * size) / 750;
      wx.createSelectorQuery()
        .in(this)
        .select('#canvas')
        .fields({ node: true, size: true })
        .exec((res: { node?: QrCanvas }[]) => {
          const canvas = res?.[0]?.node;
          // The text may have changed while the node was looked up: draw what is current.
          if (canvas && this.data.text) drawQr(canvas, this.data.text, px, pixelRatio);
        });
    },
  },
});
