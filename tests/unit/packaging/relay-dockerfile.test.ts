import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

/**
 * No Docker daemon runs on the build machines, so `docker build relay/` cannot be run in the tests.
 * The Dockerfile is checked instead: linted by dockerfile-utils (the validator behind the VS Code
 * Docker language server), and held against what the image must do: build from the `relay/` folder
 * alone, run the package's real start command as PID 1, with the environment the relay reads.
 */
const CONTEXT = 'relay';
const source = readFileSync(join(CONTEXT, 'Dockerfile'), 'utf8');
const instructions = DockerfileParser.parse(source).getInstructions();
const relayPackage = JSON.parse(readFileSync(join(CONTEXT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; engines: { node: string } };
const args = (keyword: string) => instructions.filter((i) => i.getKeyword() === keyword).map((i) => i.getArguments().map((a) => a.getValue()));
const ignored = readFileSync(join(CONTEXT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('relay/Dockerfile', () => {
  it('has no errors or warnings from the Dockerfile validator', () => {
    expect(validate(source).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('the validator does flag a broken Dockerfile (so the check above means something)', () => {
    expect(validate(source.replace('EXPOSE 8790', 'EXPOSE eighty').replace(/^FROM .*$/m, 'FROM')).length).toBeGreaterThan(0);
  });

  it('starts the relay with the package\'s own start command, in exec form so node is PID 1 and gets SIGTERM', () => {
    const [cmd] = instructions.filter((i) => i.getKeyword() === 'CMD');
    const form = JSON.parse(cmd!.getArgumentsContent() as string) as string[];
    expect(form.join(' ')).toBe(relayPackage.scripts.start);
    expect(form[0]).toBe('node');
  });

  it('uses a Node base image the package\'s engines accept', () => {
    const [[image]] = args('FROM') as [[string]];
    const major = Number(/^node:(\d+)/.exec(image)?.[1]);
    const minimum = Number(/>=\s*(\d+)/.exec(relayPackage.engines.node)?.[1]);
    expect(major).toBeGreaterThanOrEqual(minimum);
    // A floating major tag gets the newest 20.x, which satisfies ">=20.19"; a pinned older minor would not.
    expect(image).toMatch(/^node:\d+-(bookworm|bullseye)-slim$/);
  });

  it('copies only what exists in the build context and is not excluded by .dockerignore', () => {
    for (const [from] of args('COPY') as string[][]) {
      expect(existsSync(join(CONTEXT, from!)), from).toBe(true);
      expect(ignored, from).not.toContain(from);
    }
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'relay-data']));
  });

  it('builds from relay/ alone: every import stays inside the folder or is a declared dependency', () => {
    const root = resolve(CONTEXT);
    for (const file of sourceFiles(join(CONTEXT, 'src'))) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
      for (const spec of imports) {
        if (spec.startsWith('node:')) continue;
        if (spec.startsWith('.')) {
          expect(relative(root, resolve(file, '..', spec)).startsWith('..'), `${file} imports ${spec} outside relay/`).toBe(false);
          continue;
        }
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
        expect(relayPackage.dependencies, `${file} imports ${name}`).toHaveProperty([name]);
      }
    }
    // The start command's loader must be installed by `npm install --omit=dev`.
    expect(relayPackage.dependencies).toHaveProperty(['tsx']);
  });

  it('sets the environment the relay reads, listens where it exposes, and keeps its data in the volume', () => {
    const env = Object.fromEntries((args('ENV')[0] ?? []).map((kv) => kv.split('=') as [string, string]));
    const config = readFileSync(join(CONTEXT, 'src/config.ts'), 'utf8');
    for (const name of Object.keys(env).filter((n) => n !== 'NODE_ENV')) expect(config, name).toContain(`env.${name}`);
    expect(env.RELAY_HOST).toBe('0.0.0.0');
    expect(args('EXPOSE')).toEqual([[env.PORT]]);
    expect(source).toContain(`VOLUME ["${env.RELAY_DATA_DIR}"]`);
    expect(args('USER')).toEqual([['node']]);
  });
});
