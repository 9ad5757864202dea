import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The relay's GitHub workflow cannot run here (no Docker engine), so, like desktop.yml
 * (workflow.test.ts, which also schema-checks every file in .github/workflows), it is held to
 * GitHub's workflow schema and to what issue 11 asks of it: the image built from relay/ alone, run
 * with test secrets, /healthz awaited, a signed webhook round trip, and the Redis tests on Linux.
 */
const WORKFLOW = '.github/workflows/relay.yml';
const source = readFileSync(WORKFLOW, 'utf8');
const workflow = parse(source);
type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
const image: Step[] = workflow.jobs.image.steps;
const redis: Step[] = workflow.jobs.redis.steps;
const indexOf = (steps: Step[], pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));

describe('relay workflow', () => {
  it('is valid against the workflow schema, and the validator rejects a broken copy', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
    expect(validateWorkflow(source.replace('timeout-minutes: 20', 'timeout-minutes: soon')).errors.length).toBeGreaterThan(0);
  });

  it('builds relay/Dockerfile with relay/ as the context, on Linux, and runs the image it built with test secrets only', () => {
    expect(workflow.jobs.image['runs-on']).toBe('ubuntu-latest');
    const build = indexOf(image, /^docker build -t "\$IMAGE" relay\/$/);
    const run = indexOf(image, /^docker run -d --name relay -p 127\.0\.0\.1:8790:8790/);
    expect(build).toBeGreaterThan(0);
    expect(run).toBeGreaterThan(build);
    expect(image[run]?.run).toMatch(/"\$IMAGE"$/);
    expect(workflow.jobs.image.env.META_APP_SECRET).not.toMatch(/secrets\./);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('waits for /healthz with a bounded loop, then checks the handshake, a refused unsigned webhook and the signed round trip, in that order', () => {
    const health = indexOf(image, /curl -fsS http:\/\/127\.0\.0\.1:8790\/healthz/);
    expect(image[health]?.run).toMatch(/for attempt in \$\(seq 1 60\)/);
    const outside = indexOf(image, /hub\.mode=subscribe/);
    expect(image[outside]?.run).toMatch(/test "\$status" = "401"/);
    // The unsigned body is a real Meta sample from the repo, not a made-up one.
    expect(image[outside]?.run).toMatch(/@tests\/fixtures\/meta\/fb-messenger-webhook-message-text\.json/);
    const smoke = indexOf(image, /^docker exec relay node --import tsx src\/cli\.ts smoke$/);
    expect([health, outside, smoke].every((i, n, all) => i > 0 && (n === 0 || i > all[n - 1]!))).toBe(true);
    expect(indexOf(image, /docker stop .*relay/)).toBeGreaterThan(smoke);
  });

  it('the command the smoke step runs exists in the image: src/ is copied and the CLI knows `smoke`', () => {
    expect(readFileSync('relay/Dockerfile', 'utf8')).toMatch(/^COPY src \.\/src$/m);
    expect(readFileSync('relay/src/cli.ts', 'utf8')).toMatch(/command === 'smoke'/);
  });

  it('runs the Redis tests on Linux with a real redis-server, failing rather than skipping if it were missing', () => {
    expect(workflow.jobs.redis['runs-on']).toBe('ubuntu-latest');
    expect(workflow.jobs.redis.env.RELAY_REQUIRE_REDIS).toBe('1');
    const install = indexOf(redis, /apt-get install -y redis-server/);
    const tests = indexOf(redis, /vitest run relay\/tests\/storage\.test\.ts tests\/integration\/relay\/relay-redis\.test\.ts/);
    expect(install).toBeGreaterThan(0);
    expect(tests).toBeGreaterThan(install);
    expect(indexOf(redis, /^npm ci$/)).toBeGreaterThan(0);
  });
});
