// 消息推送 (message push) as this project configures it in the WeChat / CloudBase
// console (云开发控制台 → 设置 → 全局设置 → 消息推送, 推送模式 云函数): which cloud
// function receives each pushed event. There is no file for it in a CloudBase
// deploy, so `npm run deploy` prints it as a step to take by hand; the dev
// emulator delivers the same events to the same functions.
//   wxa_media_check — the verdict of a media check (security.mediaCheckAsync) on a
//   随手拍 photo, received by the cases function (its mediaCheckResult action).
export const MESSAGE_PUSH: Record<string, string> = {
  wxa_media_check: 'cases',
};
