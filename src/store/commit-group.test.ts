/**
 * The group's rule on its own, with pieces that only record how they were told to commit: a
 * commit is deferred for a transaction waiting behind it, never for single statements alone.
 */
import { describe, expect, it } from 'vitest';
import { type CommitMode, createCommitGroup } from './commit-group.ts';

function harness() {
  let flushes = 0;
  const log: string[] = [];
  const group = createCommitGroup(async () => {
    flushes++;
    log.push('flush');
  });
  /** A transaction: holds the connection until `release` is called, then commits as told. */
  const transaction = (name: string, fails = false) => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const done = group.run(
      async (commitMode: () => CommitMode) => {
        await held;
        if (fails) throw new Error(`${name} failed`);
        log.push(`${name} commits ${commitMode()}`);
      },
      { transaction: true },
    );
    return {
      release,
      done: done.then(
        () => log.push(`${name} answered`),
        () => log.push(`${name} refused`),
      ),
    };
  };
  /** A single statement: asks whether it runs deferred. */
  const statement = (name: string) =>
    group
      .run(async (_mode, deferred) => {
        log.push(`${name} runs ${deferred() ? 'deferred' : 'at once'}`);
      })
      .then(() => log.push(`${name} answered`));
  return { group, log, transaction, statement, flushes: () => flushes };
}

describe('the commit group', () => {
  it('commits a transaction at once when only single statements wait: no flush of its own after them', async () => {
    const h = harness();
    const booking = h.transaction('booking');
    const emails = [h.statement('claim'), h.statement('mailbox')];
    booking.release();
    await Promise.all([booking.done, ...emails]);
    expect(h.log.filter((l) => !l.endsWith('answered'))).toEqual([
      'booking commits plain',
      'claim runs at once',
      'mailbox runs at once',
    ]);
    expect(h.flushes()).toBe(0);
  });

  it('defers a commit while a transaction waits, and the last one flushes for all', async () => {
    const h = harness();
    const first = h.transaction('first');
    const read = h.statement('read');
    const second = h.transaction('second');
    first.release();
    second.release();
    await Promise.all([first.done, read, second.done]);
    expect(h.log.filter((l) => !l.endsWith('answered'))).toEqual([
      'first commits deferred',
      'read runs deferred',
      'second commits flush',
    ]);
    // Nobody hears before the flush that made the group durable.
    expect(h.log.indexOf('first answered')).toBeGreaterThan(h.log.indexOf('second commits flush'));
    expect(h.log.indexOf('read answered')).toBeGreaterThan(h.log.indexOf('second commits flush'));
    expect(h.flushes()).toBe(0);
  });

  it('flushes after a statement when a deferred commit is left with no transaction behind it', async () => {
    const h = harness();
    const first = h.transaction('first');
    const second = h.transaction('second', true);
    const read = h.statement('read');
    first.release();
    // `second` fails before its commit: `first` was deferred for it, and only a read is left behind.
    second.release();
    await Promise.all([first.done, second.done, read]);
    expect(h.log.filter((l) => l.includes(' commits ') || l.includes(' runs '))).toEqual([
      'first commits deferred',
      'read runs at once',
    ]);
    expect(h.log).toContain('second refused');
    expect(h.flushes()).toBe(1);
    // The flush came right after the failed piece, and `first` heard only after it.
    expect(h.log.indexOf('flush')).toBeLessThan(h.log.indexOf('read runs at once'));
    expect(h.log.indexOf('first answered')).toBeGreaterThan(h.log.indexOf('flush'));
  });
});
