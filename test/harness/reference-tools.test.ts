import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runScipy } from '../support/scipy.js';
import { pythonModulePackage, requireCommand } from '../support/system-package.js';

describe('a missing reference tool names the Debian package to install', () => {
  test('a Python module that is not installed', () => {
    assert.throws(
      () => runScipy('import modelship_absent_module\nresult = 1', null),
      /^Error: Python module modelship_absent_module is missing: install the Debian package python3-modelship_absent_module \(scripts\/system-deps\.sh/,
    );
  });

  test('scikit-learn is python3-sklearn, other modules python3-<module>', () => {
    assert.equal(pythonModulePackage('sklearn'), 'python3-sklearn');
    assert.equal(pythonModulePackage('mpmath'), 'python3-mpmath');
  });

  test('a wrong snippet is still reported with its traceback', () => {
    assert.throws(
      () => runScipy('from scipy import no_such_name\nresult = 1', null),
      /snippet failed:[\s\S]*ImportError/,
    );
    assert.throws(
      () => runScipy('import scipy.no_such_submodule\nresult = 1', null),
      /snippet failed:[\s\S]*scipy\.no_such_submodule/,
    );
  });

  test('a command that is not installed', () => {
    assert.equal(requireCommand('sh', 'dash').endsWith('/sh'), true);
    assert.throws(
      () => requireCommand('modelship-absent-tool', 'modelship-tools'),
      /modelship-absent-tool \(needed by the tests\) is missing: install the Debian package modelship-tools/,
    );
    assert.throws(() => requireCommand('/nonexistent/chromium', 'chromium'), /Debian package chromium/);
  });
});
