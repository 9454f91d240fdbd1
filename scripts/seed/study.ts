// Demo study content: the quote pool (and today's and tomorrow's schedule left to
// the pool's daily pick) and eight lectures with small media files in storage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LECTURES } from './lectures-data';
import { SEED_ORG_IDS } from './orgs';
import { QUOTES } from './quotes-data';
import type { SeedModule } from './index';

const MEDIA = {
  video: { file: 'sample-video.mp4', cloudPath: 'lectures/demo/sample-video.mp4' },
  audio: { file: 'sample-audio.m4a', cloudPath: 'lectures/demo/sample-audio.m4a' },
};

export const studySeed: SeedModule = {
  name: 'study',
  async run(db, now, app) {
    let n = 0;
    for (const [i, q] of QUOTES.entries()) {
      const id = `seed-quote-${String(i + 1).padStart(2, '0')}`;
      await db
        .collection('quotes')
        .doc(id)
        .set({
          text: q.text,
          source: q.source,
          bgImageFileId: '',
          sample: q.sample ?? false,
          orgId: SEED_ORG_IDS.district,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        });
      n++;
    }
    const fileIds: Record<string, string> = {};
    for (const [kind, m] of Object.entries(MEDIA)) {
      const { fileID } = await app.uploadFile({
        cloudPath: m.cloudPath,
        fileContent: readFileSync(join(__dirname, 'media', m.file)),
      });
      fileIds[kind] = fileID;
    }
    for (const [i, l] of LECTURES.entries()) {
      await db
        .collection('lectures')
        .doc(l.id)
        .set({
          title: l.title,
          speaker: l.speaker,
          speakerTitle: l.speakerTitle,
          coverFileId: '',
          kind: l.kind,
          mediaFileId: l.media ? fileIds[l.media] : '',
          durationSec: l.durationSec,
          body: l.body,
          series: l.series,
          tags: l.tags,
          quiz: l.quiz,
          passPercent: 60,
          orgId: SEED_ORG_IDS.district,
          published: true,
          // Newest first in the list, in the order above.
          publishedAt: new Date(now.getTime() - i * 3_600_000),
          views: 0,
          createdAt: now,
          updatedAt: now,
        });
      n++;
    }
    return n;
  },
};
