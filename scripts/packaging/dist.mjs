#!/usr/bin/env node
/**
 * `npm run dist`: builds the installers for the platform this runs on (electron-builder.yml),
 * signed when the environment holds credentials and clearly marked unsigned otherwise.
 * Extra arguments go to electron-builder, e.g. `npm run dist -- --dir` for an unpacked app.
 */
import { spawnSync } from 'node:child_process';
import { signingPlan } from './signing.mjs';

const plan = signingPlan(process.platform, process.env);
for (const note of plan.notes) console.log(`[dist] ${note}`);

// Never publish from here: the GitHub workflow uploads release artifacts itself.
const args = ['electron-builder', '--config', 'electron-builder.yml', '--publish', 'never', ...plan.args, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...plan.env }, shell: process.platform === 'win32' });
if (run.status === 0 && !plan.signed) console.log('[dist] Done — the result is UNSIGNED (see above).');
process.exit(run.status ?? 1);
