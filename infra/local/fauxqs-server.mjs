// Runs the fauxqs SQS+S3 emulator as a child process with on-disk persistence.
// Usage: node fauxqs-server.mjs <port> <dataDir>
import { startFauxqs } from 'fauxqs';

const [port, dataDir] = process.argv.slice(2);
// listenHost: our patch (patches/fauxqs+2.4.1.patch): fauxqs itself binds every interface
const server = await startFauxqs({ port: Number(port), dataDir, logger: false, host: '127.0.0.1', listenHost: '127.0.0.1' });
process.stdout.write(`fauxqs listening ${server.address}\n`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
