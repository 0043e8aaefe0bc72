/**
 * Where `.github/modelship.yml` lives. A module of its own so that code needing only the path (the
 * promotion's settings) does not load, and build, every section's schema with it.
 */
export const DEFAULT_CONFIG_PATH = '.github/modelship.yml';
