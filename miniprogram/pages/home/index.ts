import { FEATURES } from '../../config/features';

Component({
  data: {
    features: FEATURES,
  },
  methods: {
    onFeatureTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const feature = FEATURES.find((f) => f.key === e.currentTarget.dataset.key);
      if (!feature) return;
      if (!feature.url) {
        wx.showToast({ title: `${feature.name}即将开放`, icon: 'none' });
        return;
      }
      wx.navigateTo({ url: feature.url });
    },
  },
});
