// Starts the S3 test server once for the whole suite (scripts/test.mjs spawns this): prints one JSON
// line with the endpoint and credentials, then runs until stdin closes or SIGTERM/SIGINT arrives.
import { startS3Server } from './s3-server.js';

const server = await startS3Server();
const { endpoint, accessKeyId, secretAccessKey, region } = server;
process.stdout.write(`${JSON.stringify({ endpoint, accessKeyId, secretAccessKey, region })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
