import { ProgressReporter, ReadingClock } from '../../../miniprogram/packages/study/utils/progress-reporter';

function setUp(opts: { startSec?: number; fail?: boolean } = {}) {
  let now = 1_000_000;
  const sent: number[] = [];
  let failNext = opts.fail ?? false;
  const reporter = new ProgressReporter({
    everySec: 15,
    startSec: opts.startSec ?? 0,
    now: () => now,
    send: async (pos) => {
      sent.push(pos);
      if (failNext) {
        failNext = false;
        throw new Error('offline');
      }
    },
  });
  return {
    reporter,
    sent,
    advance: (sec: number) => {
      now += sec * 1000;
    },
  };
}

describe('progress reporter', () => {
  it('reports while playing once every 15 s, not on every timeupdate', async () => {
    const { reporter, sent, advance } = setUp({ startSec: 20 });
    reporter.started();
    for (let t = 1; t <= 31; t++) {
      advance(1);
      reporter.update(20 + t);
      await Promise.resolve();
    }
    expect(sent).toEqual([35, 50]);
  });

  it('reports on pause only if the position moved since the last report', async () => {
    const { reporter, sent, advance } = setUp({ startSec: 10 });
    await reporter.flush();
    expect(sent).toEqual([]);
    advance(3);
    reporter.update(13.04);
    await reporter.flush();
    await reporter.flush();
    expect(sent).toEqual([13]);
  });

  it('playback restarting after a long pause waits a full period before reporting', async () => {
    const { reporter, sent, advance } = setUp();
    advance(600);
    reporter.started();
    advance(1);
    reporter.update(1);
    expect(sent).toEqual([]);
    advance(14);
    reporter.update(15);
    expect(sent).toEqual([15]);
  });

  it('a failed report is sent again at the next flush', async () => {
    const { reporter, sent, advance } = setUp({ fail: true });
    advance(15);
    reporter.update(15);
    await reporter.flush();
    await reporter.flush();
    expect(sent).toEqual([15, 15]);
  });

  it('one report at a time: a flush during a report waits for it', async () => {
    let release!: () => void;
    const sent: number[] = [];
    const reporter = new ProgressReporter({
      everySec: 15,
      startSec: 0,
      send: (pos) => {
        sent.push(pos);
        return sent.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
    });
    reporter.update(5);
    const first = reporter.flush();
    reporter.update(6);
    const second = reporter.flush();
    expect(sent).toEqual([5]);
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual([5, 6]);
  });

  it('stops for good', async () => {
    const { reporter, sent } = setUp();
    reporter.stop();
    reporter.update(30);
    await reporter.flush();
    expect(sent).toEqual([]);
  });
});

describe('reading clock', () => {
  it('counts whole seconds while shown, from where the reader left off', () => {
    let now = 0;
    const clock = new ReadingClock(40, () => now);
    expect(clock.seconds()).toBe(40);
    clock.start();
    now += 12_500;
    expect(clock.seconds()).toBe(52);
    clock.pause();
    now += 600_000;
    expect(clock.seconds()).toBe(52);
    clock.start();
    clock.start();
    now += 3000;
    expect(clock.seconds()).toBe(55);
    expect(clock.running).toBe(true);
  });
});
