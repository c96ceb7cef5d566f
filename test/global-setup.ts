import { startServices } from './services.js';

/** Vitest global setup: real PostgreSQL and Redis for the whole run, exposed through env vars. */
export default function setup(): () => void {
  const services = startServices();
  if (services.pgUrl) process.env.NEWSGRAPH_TEST_PG = services.pgUrl;
  else console.warn('newsgraph tests: PostgreSQL not installed; PostgreSQL suites are skipped');
  if (services.redisUrl) process.env.NEWSGRAPH_TEST_REDIS = services.redisUrl;
  else console.warn('newsgraph tests: Redis not installed; queue suites are skipped');
  return () => services.stop();
}
