/*
 * The simulated company's vocabulary: teams, the services they own, the
 * people who command incidents, and what goes wrong. Services are listed
 * round-robin across teams so that even a small company has every team.
 */

/** What kind of thing a service is; it sets its traffic and latency. */
export type ServiceKind = 'api' | 'worker' | 'store' | 'edge';

/** A service the company may run, before the seed gives it numbers. */
export interface ServiceStem {
  id: string;
  name: string;
  team: string;
  /** The tier it usually has; the seed may move it by one. */
  tier: 1 | 2 | 3 | 4;
  kind: ServiceKind;
}

const TEAMS: Record<string, Array<[id: string, name: string, tier: 1 | 2 | 3 | 4, kind: ServiceKind]>> = {
  payments: [
    ['checkout', 'Checkout', 1, 'api'],
    ['payments-gateway', 'Payments Gateway', 1, 'api'],
    ['card-vault', 'Card Vault', 1, 'store'],
    ['fraud-scoring', 'Fraud Scoring', 2, 'api'],
    ['ledger', 'Ledger', 1, 'store'],
    ['refunds', 'Refunds', 3, 'worker'],
    ['invoicing', 'Invoicing', 3, 'worker'],
  ],
  identity: [
    ['auth', 'Auth', 1, 'api'],
    ['sessions', 'Sessions', 1, 'store'],
    ['sso-bridge', 'SSO Bridge', 2, 'api'],
    ['user-profile', 'User Profile', 2, 'api'],
    ['permissions', 'Permissions', 2, 'api'],
    ['mfa', 'MFA', 2, 'api'],
  ],
  search: [
    ['search-api', 'Search API', 1, 'api'],
    ['indexer', 'Indexer', 3, 'worker'],
    ['autocomplete', 'Autocomplete', 2, 'api'],
    ['ranking', 'Ranking', 2, 'api'],
    ['catalog-sync', 'Catalog Sync', 3, 'worker'],
  ],
  platform: [
    ['api-gateway', 'API Gateway', 1, 'edge'],
    ['kafka', 'Kafka', 1, 'store'],
    ['postgres-primary', 'Postgres Primary', 1, 'store'],
    ['redis-cache', 'Redis Cache', 2, 'store'],
    ['object-store', 'Object Store', 2, 'store'],
    ['scheduler', 'Scheduler', 3, 'worker'],
    ['dns', 'DNS', 1, 'edge'],
  ],
  commerce: [
    ['cart', 'Cart', 1, 'api'],
    ['catalog', 'Catalog', 2, 'api'],
    ['pricing', 'Pricing', 2, 'api'],
    ['inventory', 'Inventory', 2, 'store'],
    ['recommendations', 'Recommendations', 3, 'api'],
    ['reviews', 'Reviews', 4, 'api'],
  ],
  messaging: [
    ['notifications', 'Notifications', 2, 'worker'],
    ['email-sender', 'Email Sender', 3, 'worker'],
    ['push-gateway', 'Push Gateway', 3, 'api'],
    ['sms-relay', 'SMS Relay', 3, 'worker'],
    ['webhooks', 'Webhooks', 2, 'worker'],
  ],
  data: [
    ['event-ingest', 'Event Ingest', 2, 'edge'],
    ['metrics-pipeline', 'Metrics Pipeline', 3, 'worker'],
    ['warehouse-loader', 'Warehouse Loader', 4, 'worker'],
    ['feature-store', 'Feature Store', 3, 'store'],
  ],
  web: [
    ['web-frontend', 'Web Frontend', 1, 'edge'],
    ['mobile-bff', 'Mobile BFF', 1, 'api'],
    ['cdn-edge', 'CDN Edge', 1, 'edge'],
    ['image-resizer', 'Image Resizer', 4, 'worker'],
  ],
};

function interleave(): ServiceStem[] {
  const teams = Object.entries(TEAMS);
  const longest = Math.max(...teams.map(([, list]) => list.length));
  const out: ServiceStem[] = [];
  for (let i = 0; i < longest; i += 1) {
    for (const [team, list] of teams) {
      const entry = list[i];
      if (entry) out.push({ id: entry[0], name: entry[1], team, tier: entry[2], kind: entry[3] });
    }
  }
  return out;
}

/** Every service the company knows, teams interleaved (the first few are each team's most critical). */
export const SERVICE_STEMS: readonly ServiceStem[] = interleave();

/** Regions that large simulated companies repeat their services across. */
export const REGIONS = ['eu-west', 'us-east', 'us-west', 'ap-south', 'ap-northeast', 'sa-east', 'eu-central', 'ca-central'] as const;

/** People on the incident-commander rota. */
export const COMMANDERS = [
  'Amara Okafor', 'Bastien Leroy', 'Chen Wei', 'Dana Kowalski', 'Elif Demir', 'Farah Haddad', 'Goran Petrović',
  'Hana Sato', 'Ines Carvalho', 'Jonas Lindqvist', 'Kofi Mensah', 'Lucía Romero', 'Mateo Rossi', 'Nadia Rahman',
] as const;

/** What a burning availability SLO looks like to the people on call. */
export const AVAILABILITY_CAUSES = [
  'Elevated 5xx from upstream',
  'Connection pool exhausted',
  'Crash-looping pods after deploy',
  'Timeouts to the primary database',
  'TLS handshake failures at the load balancer',
  'Dependency returning 503',
] as const;

/** What a burning latency SLO looks like to the people on call. */
export const LATENCY_CAUSES = [
  'p99 latency above target',
  'GC pauses on hot shards',
  'Slow queries after index change',
  'Cache hit ratio dropped',
  'Noisy neighbour on shared nodes',
] as const;

/** Incidents that begin without a burning SLO (found by people, not alerts). */
export const STANDALONE_INCIDENTS = [
  'Customers report intermittent errors',
  'Queue lag growing',
  'Partial outage in one availability zone',
  'Certificate expiring within 24 hours',
  'Elevated support tickets',
] as const;

/** Maintenance a service may be in. */
export const MAINTENANCE_REASONS = ['Planned maintenance: database upgrade', 'Planned maintenance: node rotation', 'Planned maintenance: schema migration'] as const;
