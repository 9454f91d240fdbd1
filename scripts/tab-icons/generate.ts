// Writes the tab bar icons into miniprogram/images/tabbar/ and the station map's
// marker icons into miniprogram/packages/station/images/:
//   npm run icons
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tabIcons } from './icons';
import { markerIcons } from './markers';

const MINIPROGRAM = join(__dirname, '../../miniprogram');

function write(folder: string, files: Record<string, Buffer>) {
  const dir = join(MINIPROGRAM, folder);
  mkdirSync(dir, { recursive: true });
  for (const [name, png] of Object.entries(files)) {
    writeFileSync(join(dir, name), png);
    console.log(`${join('miniprogram', folder, name)}: ${png.length} bytes`);
  }
}

write('images/tabbar', tabIcons());
write('packages/station/images', markerIcons());
