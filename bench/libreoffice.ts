// Finds LibreOffice Calc and its Python bridge for the native-engine bench, installing Debian's packages when missing (never in CI).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's system Python: python3-uno installs the `uno` module for it, not for a pyenv or venv Python. */
const SYSTEM_PYTHON = '/usr/bin/python3';
const PACKAGES = ['libreoffice-calc-nogui', 'python3-uno'];

export type LibreOffice =
  | { ok: true; soffice: string; python: string; version: string; installed: boolean }
  | { ok: false; reason: string };

function which(command: string, env: NodeJS.ProcessEnv): string | null {
  const found = spawnSync('/bin/sh', ['-c', `command -v ${command}`], { encoding: 'utf8', env });
  return found.status === 0 ? found.stdout.trim() : null;
}

function hasUno(): boolean {
  return (
    existsSync(SYSTEM_PYTHON) &&
    spawnSync(SYSTEM_PYTHON, ['-c', 'import uno'], { stdio: 'ignore' }).status === 0
  );
}

function found(installed: boolean, env: NodeJS.ProcessEnv): LibreOffice | null {
  const soffice = which('soffice', env);
  if (!soffice || !hasUno()) return null;
  const version =
    spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 60_000 }).stdout?.trim() ||
    'unknown version';
  return { ok: true, soffice, python: SYSTEM_PYTHON, version, installed };
}

/** apt-get install, with an `apt-get update` first only when the plain install fails (a stale or empty package list). */
function aptInstall(log: (line: string) => void): string | null {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (): void => {
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 20 * 60_000,
    });
  };
  try {
    log(`installing ${PACKAGES.join(' ')} with apt-get…`);
    install();
    return null;
  } catch {
    try {
      execFileSync('apt-get', ['update', '-qq'], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 10 * 60_000,
      });
      install();
      return null;
    } catch (e) {
      const stderr =
        (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-2).join(' ') ?? '';
      return `apt-get install ${PACKAGES.join(' ')} failed${stderr ? `: ${stderr}` : ''}`;
    }
  }
}

/**
 * LibreOffice and the `uno` module, installed here when missing and allowed: as root, and not in CI (CI and
 * `npm test` never need it). When it cannot be had, `reason` says why, for the bench to print and record.
 */
export function ensureLibreOffice(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): LibreOffice {
  const present = found(false, env);
  if (present) return present;
  if (env.CI)
    return {
      ok: false,
      reason:
        'LibreOffice (libreoffice-calc-nogui, python3-uno) is not installed, and the bench does not install it in CI',
    };
  if (process.getuid?.() !== 0)
    return {
      ok: false,
      reason: `LibreOffice is not installed and this is not root: run \`apt-get install ${PACKAGES.join(' ')}\``,
    };
  const failure = aptInstall(log);
  if (failure) return { ok: false, reason: failure };
  return (
    found(true, env) ?? {
      ok: false,
      reason: `${PACKAGES.join(' ')} installed, but soffice or Python's uno module is still missing`,
    }
  );
}
