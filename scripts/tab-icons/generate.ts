// Writes the tab bar icons into miniprogram/images/tabbar/:
//   npm run icons
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tabIcons } from './icons';

const dir = join(__dirname, '../../miniprogram/images/tabbar');
mkdirSync(dir, { recursive: true });
for (const [name, png] of Object.entries(tabIcons())) {
  writeFileSync(join(dir, name), png);
  console.log(`${join('miniprogram/images/tabbar', name)}: ${png.length} bytes`);
}
