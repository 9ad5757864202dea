import { describe, expect, it } from 'vitest';
import { TaskSupervisor } from '../../src-main/core/supervisor';

describe('task supervisor', () => {
  it('catches synchronous throws and later rejections, remembers the newest, and survives a failing recorder', async () => {
    const recorded: string[] = [];
    const logged: string[] = [];
    const supervisor = new TaskSupervisor({
      now: () => 42,
      record: (failure) => {
        recorded.push(failure.task);
        if (failure.task === 'retention') throw new Error('the audit log is on the same full disk');
      },
      log: (message) => logged.push(message),
    });
    const announced: string[] = [];
    supervisor.onFailure((f) => announced.push(`${f.task}:${f.code}`));

    supervisor.run('scheduled sync', () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    supervisor.run('retention', async () => {
      await Promise.resolve();
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    supervisor.run('fine', async () => 'ok');
    await supervisor.idle();

    expect(recorded).toEqual(['scheduled sync', 'retention']);
    expect(announced).toEqual(['scheduled sync:BUSY', 'retention:DISK_FULL']);
    expect(supervisor.lastFailure()).toEqual({ task: 'retention', code: 'DISK_FULL', message: expect.stringMatching(/disk is full/), at: 42 });
    expect(logged).toContain('[background] retention failed and could not be recorded');
    supervisor.clear();
    expect(supervisor.lastFailure()).toBeNull();
  });
});
