/** GitHub refuses release assets of 2 GiB or more (checked before anything is written). */
export const RELEASE_ASSET_LIMIT = 2 * 1024 ** 3;
