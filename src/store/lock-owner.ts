/**
 * What a data-directory lock says about its owner, and whether that owner is surely gone
 * (data-dir-lock.ts). Kept apart from the file handling so the rules read on their own.
 */

export interface LockOwner {
  readonly pid: number;
  /** null in a lock written by a version before issue 16 (the pid alone): taken to be this host. */
  readonly host: string | null;
  /** The machine's boot (Linux boot_id); null when unknown. */
  readonly bootId: string | null;
  readonly startedAt: string | null;
  /** Names this very lock (its claim file); null in an old lock. */
  readonly nonce: string | null;
}

/** The owner a lock file names, or null when the content is not a lock (never guess). */
export function parseLock(content: string): LockOwner | null {
  if (/^\s*\d{1,10}\s*$/.test(content)) {
    const pid = Number(content.trim());
    return pid > 0 ? { pid, host: null, bootId: null, startedAt: null, nonce: null } : null;
  }
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { pid, host, bootId, startedAt, nonce } = data as Record<string, unknown>;
  if (!Number.isInteger(pid) || (pid as number) <= 0 || typeof host !== 'string' || host === '') return null;
  if (typeof nonce !== 'string' || !/^[0-9a-f]{8,64}$/.test(nonce)) return null;
  return {
    pid: pid as number,
    host,
    bootId: typeof bootId === 'string' ? bootId : null,
    startedAt: typeof startedAt === 'string' ? startedAt : null,
    nonce,
  };
}

/**
 * `live`: the owner may be running (refuse). `stale`: surely gone (take over). `foreign`: another
 * host's, which this process cannot check (refuse).
 */
export function ownerVerdict(
  owner: LockOwner,
  me: LockOwner,
  isAlive: (pid: number) => boolean = alive,
): 'live' | 'stale' | 'foreign' {
  if (owner.host !== null && owner.host !== me.host) return 'foreign';
  // Booted since: every process of that boot is gone (pids are reused after a reboot).
  if (owner.bootId !== null && me.bootId !== null && owner.bootId !== me.bootId) return 'stale';
  // Our own pid in a lock we did not take: a restarted container, whose pids start again.
  if (owner.pid === me.pid) return heldHere.has(owner.nonce ?? '') ? 'live' : 'stale';
  return isAlive(owner.pid) ? 'live' : 'stale';
}

/** Nonces of the locks this process holds: its own lock is never stale to itself. */
export const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
