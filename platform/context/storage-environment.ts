/**
 * The variables that point the S3 client at a store, read here so nothing else reads the
 * environment (credentials stay with the AWS SDK's own default chain).
 */
export interface StorageEnvironment {
  AWS_ENDPOINT_URL_S3?: string;
  AWS_ENDPOINT_URL?: string;
  AWS_REGION?: string;
  AWS_DEFAULT_REGION?: string;
  AWS_ACCESS_KEY_ID?: string;
}

const STORAGE_VARIABLES = [
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
] as const;

/** The store's variables out of the environment, for every entry kind alike. */
export function storageEnvironment(env: NodeJS.ProcessEnv): StorageEnvironment {
  // The AWS SDK's notice that its releases after January 2027 need Node 22 is seven lines on stderr
  // before every S3 run on Node 20, about SDK versions this bundle does not contain. Its own switch,
  // set before any reader thread starts (threads copy the environment); a value the user set is kept.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const storage: StorageEnvironment = {};
  for (const name of STORAGE_VARIABLES) if (env[name]) storage[name] = env[name];
  return storage;
}
