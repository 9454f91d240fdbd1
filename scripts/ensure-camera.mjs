// The screenshot camera is Debian's Chromium with the Noto CJK fonts (no browser
// download). `npm test` and `npm run screenshots` call this first: present → nothing
// to do; missing on a Debian machine where we are root (CI, these dev machines) →
// installed with apt-get; otherwise → what to install, and a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONTS = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

const missing = () => !existsSync(CHROMIUM) || !existsSync(FONTS);

if (missing()) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
  if (!canInstall) {
    console.error(
      `The screenshot check needs Chromium at ${CHROMIUM} and the Noto CJK fonts: ` +
        `sudo apt-get install ${PACKAGES.join(' ')} (or set CHROMIUM_PATH to a Chromium).`,
    );
    process.exit(1);
  }
  console.log(`› Installing ${PACKAGES.join(' ')} for the screenshot camera (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', ...PACKAGES]) || missing()) {
    console.error('apt-get could not install the screenshot camera; see above.');
    process.exit(1);
  }
}
