/**
 * The WAL's deferred fsync keeps PostgreSQL's order: anything that changes a file while a WAL
 * sync is pending waits for that sync first (synchronously), and a deferred sync that fails
 * stops the database. A stand-in NODEFS records the order of calls.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type HostSync, installWalSync, type NodeFsOps } from './wal-sync.ts';

const calls: string[] = [];
const failAsync = { on: false };
const host: HostSync = {
  fsyncSync: (fd: number) => {
    calls.push(`fsyncSync ${fd}`);
  },
  fsync: ((fd: number, cb: (e: Error | null) => void) => {
    calls.push(`fsync ${fd}`);
    setImmediate(() => cb(failAsync.on ? new Error('EIO') : null));
  }) as HostSync['fsync'],
};

const WAL = { nfd: 7, node: { mode: 0o100600, path: '/data/pg_wal/000000010000000000000001' } };
const TABLE = { nfd: 9, node: { mode: 0o100600, path: '/data/base/5/16384' } };

function fakeNodefs(): NodeFsOps {
  const op = (name: string) => (stream: { nfd: number }) => calls.push(`${name} ${stream.nfd}`);
  return {
    realPath: (node) => (node as { path: string }).path,
    stream_ops: { write: op('write'), close: op('close'), msync: op('msync'), read: op('read') },
    node_ops: { rename: () => calls.push('rename'), unlink: () => calls.push('unlink'), setattr: () => 0 },
  };
}

const install = (fs: NodeFsOps) =>
  installWalSync(
    fs,
    (code) => new Error(`errno ${code}`),
    () => false,
    host,
  );

describe('the deferred WAL sync', () => {
  beforeEach(() => {
    calls.length = 0;
    failAsync.on = false;
  });

  it('defers a WAL segment’s fsync to settle(), done off the event loop', async () => {
    const fs = fakeNodefs();
    const sync = install(fs);
    fs.stream_ops.fsync?.(WAL as never);
    expect(calls).toEqual([]);
    await sync.settle();
    expect(calls).toEqual(['fsync 7']);
    expect(sync.counts).toEqual({ deferred: 1, immediate: 0 });
  });

  it('syncs a pending WAL first, synchronously, before a data file is written, a file renamed or unlinked, or another file synced', () => {
    for (const [name, act] of [
      ['write', (fs: NodeFsOps) => fs.stream_ops.write?.(TABLE as never)],
      ['rename', (fs: NodeFsOps) => fs.node_ops.rename?.()],
      ['unlink', (fs: NodeFsOps) => fs.node_ops.unlink?.()],
      ['close', (fs: NodeFsOps) => fs.stream_ops.close?.(WAL as never)],
      ['fsync', (fs: NodeFsOps) => fs.stream_ops.fsync?.(TABLE as never)],
    ] as const) {
      calls.length = 0;
      const fs = fakeNodefs();
      install(fs);
      fs.stream_ops.fsync?.(WAL as never);
      act(fs);
      expect(calls[0], name).toBe('fsyncSync 7');
    }
  });

  it('does not defer the fsync of anything but a WAL segment', () => {
    const fs = fakeNodefs();
    install(fs);
    fs.stream_ops.fsync?.(TABLE as never);
    fs.stream_ops.fsync?.({ nfd: 3, node: { mode: 0o100600, path: '/data/global/pg_control' } } as never);
    expect(calls).toEqual(['fsyncSync 9', 'fsyncSync 3']);
  });

  it('stops the database when a deferred sync fails (PostgreSQL was told it succeeded)', async () => {
    const fs = fakeNodefs();
    const sync = install(fs);
    fs.stream_ops.fsync?.(WAL as never);
    failAsync.on = true;
    await expect(sync.settle()).rejects.toThrow(/must be restarted/);
    await expect(sync.settle()).rejects.toThrow(/must be restarted/);
    expect(() => fs.stream_ops.fsync?.(TABLE as never)).toThrow(/errno 29/);
  });
});
