import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

const INSTALL = 'scripts/system-deps.sh installs it, or run: sudo apt-get install';

/** The message for a reference tool that is not installed, naming the Debian package that has it. */
export function missingPackage(what: string, debianPackage: string): Error {
  return new Error(
    `${what} is missing: install the Debian package ${debianPackage} (${INSTALL} ${debianPackage})`,
  );
}

/**
 * The path of a command the tests run, or an error naming the Debian package to install: a bare
 * ENOENT from spawn says neither which tool nor where to get it.
 */
export function requireCommand(command: string, debianPackage: string): string {
  const candidates = isAbsolute(command)
    ? [command]
    : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, command));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  throw missingPackage(`${command} (needed by the tests)`, debianPackage);
}

// Python modules whose Debian package is not python3-<module>.
const PYTHON_PACKAGES: Record<string, string> = { sklearn: 'python3-sklearn', yaml: 'python3-yaml' };

/** `python3-mpmath` for `mpmath`: the Debian package of a top-level Python module. */
export function pythonModulePackage(module: string): string {
  return PYTHON_PACKAGES[module] ?? `python3-${module.toLowerCase()}`;
}
