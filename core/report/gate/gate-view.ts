import type { GateVerdict } from '../../gate/judge-gate.js';
import type { MetricsReport } from '../../gate/metrics-report.js';
import type { DifferenceInterval, NotComputable } from '../../metrics/metric-value.js';

/** Everything a rendering of one gate run shows: the verdict and what it was judged on. */
export interface GateView {
  /** The model's name (`gate.name`): one pull request comment per name. */
  name: string;
  verdict: GateVerdict;
  candidate: MetricsReport;
  baseline?: MetricsReport;
  intervals?: Readonly<Record<string, DifferenceInterval | NotComputable>>;
  /** Where the metrics came from, as the user named them. */
  sources: { candidate: string; baseline?: string };
}
