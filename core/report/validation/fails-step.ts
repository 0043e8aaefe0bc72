import type { FailOn } from '../../config/validate-config-schema.js';

interface FailureCounts {
  errorsFailed: number;
  warningsFailed: number;
}

/** Whether a validation outcome fails the step (or the CLI run) under the user's `fail-on` policy. */
export function failsStep(report: FailureCounts, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return report.errorsFailed + report.warningsFailed > 0;
  return report.errorsFailed > 0;
}
