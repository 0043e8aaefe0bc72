export { sortFloat64, sortInt32 } from '../../numeric/sort.js';
export { ks2Samp, type KsResult } from './ks-2samp.js';
export { chiSquareHomogeneity, type ChiSquareResult } from './chi-square.js';
export { proportionZTest, type ZTestResult } from './z-test.js';
export { wassersteinDistance, normedWasserstein } from './wasserstein.js';
export { energyDistance } from './energy-distance.js';
export {
  jensenShannonDistance,
  populationStabilityIndex,
  klDivergence,
  hellingerDistance,
  totalVariationDistance,
} from './histogram-distances.js';
export {
  normalCdf,
  normalSf,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  chi2Sf,
  regularizedIncompleteBeta,
  studentTSf,
} from './special.js';
export { andersonDarlingKSample, type AndersonKSampleResult } from './anderson-ksamp.js';
export { cramerVonMises2Samp, type CramerVonMisesResult } from './cramer-von-mises.js';
export { mannWhitneyU, type MannWhitneyResult } from './mann-whitney.js';
export { welchTTest, type WelchTResult } from './welch-t.js';
