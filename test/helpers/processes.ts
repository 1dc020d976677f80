/** Child processes started in their own group (spawn with `detached: true`), ended as a group. */

export function processGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to every process of the group, then SIGKILL to whatever is left after a grace period. */
export async function stopProcessGroup(pid: number, graceMs = 5_000): Promise<void> {
  if (!processGroupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processGroupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (processGroupAlive(pid)) process.kill(-pid, 'SIGKILL');
  const reaped = Date.now() + 10_000;
  while (processGroupAlive(pid) && Date.now() < reaped) await new Promise((r) => setTimeout(r, 50));
}

/** wrangler and workerd processes whose working directory is inside `root` (this checkout). */
export async function leftoverWorkerProcesses(root: string): Promise<string[]> {
  const { readdir, readFile, readlink } = await import('node:fs/promises');
  const found: string[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').join(' ');
      if (!/workerd|wrangler/.test(args)) continue;
      const cwd = await readlink(`/proc/${entry}/cwd`);
      if (cwd === root || cwd.startsWith(`${root}/`)) found.push(`${entry} ${args.slice(0, 120)}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
