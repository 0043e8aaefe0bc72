import { after } from 'node:test';
import { startS3Server } from './s3-server.js';

export interface S3TestServer {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/**
 * The suite's S3 server (started once by the test command and passed in MODELSHIP_TEST_S3_*), or a
 * server of this file's own when the file runs alone. Call it at a test file's top level (not in a
 * hook), so a server it starts stops when the file's tests are done.
 */
export async function useS3Server(): Promise<S3TestServer> {
  const endpoint = process.env.MODELSHIP_TEST_S3_ENDPOINT;
  if (endpoint) {
    return {
      endpoint,
      accessKeyId: process.env.MODELSHIP_TEST_S3_ACCESS_KEY_ID!,
      secretAccessKey: process.env.MODELSHIP_TEST_S3_SECRET_ACCESS_KEY!,
      region: process.env.MODELSHIP_TEST_S3_REGION ?? 'us-east-1',
    };
  }
  const server = await startS3Server();
  after(() => server.stop());
  return server;
}
